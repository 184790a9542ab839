package dev.cog.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.cog.actuate.endpoint.ConcurrencyEndpoint;
import dev.cog.bulkhead.BulkheadRegistry;

/**
 * Auto-configuration of the {@code concurrency} Actuator endpoint, when it is exposed.
 */
@AutoConfiguration(after = ConcurrencyAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(BulkheadRegistry.class)
@ConditionalOnAvailableEndpoint(ConcurrencyEndpoint.class)
public final class ConcurrencyEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConcurrencyEndpoint concurrencyEndpoint(BulkheadRegistry bulkheadRegistry) {
		return new ConcurrencyEndpoint(bulkheadRegistry);
	}

}
