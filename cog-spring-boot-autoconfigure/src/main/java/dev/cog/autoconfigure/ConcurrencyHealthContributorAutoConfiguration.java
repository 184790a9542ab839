package dev.cog.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.cog.actuate.health.ConcurrencyHealthIndicator;
import dev.cog.bulkhead.BulkheadRegistry;

/**
 * Auto-configuration of the {@code concurrency} health contributor, unless
 * {@code management.health.concurrency.enabled=false}.
 */
@AutoConfiguration(after = ConcurrencyAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(BulkheadRegistry.class)
@ConditionalOnEnabledHealthIndicator("concurrency")
public final class ConcurrencyHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "concurrencyHealthIndicator")
	ConcurrencyHealthIndicator concurrencyHealthIndicator(BulkheadRegistry bulkheadRegistry,
			ConcurrencyProperties properties) {
		return new ConcurrencyHealthIndicator(bulkheadRegistry, properties.getHealth().isSaturatedOutOfService());
	}

}
