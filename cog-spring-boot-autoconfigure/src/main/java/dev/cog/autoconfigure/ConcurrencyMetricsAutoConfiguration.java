package dev.cog.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.metrics.BulkheadMetrics;

/**
 * Auto-configuration of the meters of every bulkhead, when the application has a Micrometer
 * {@link MeterRegistry}.
 */
@AutoConfiguration(after = ConcurrencyAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, BulkheadRegistry.class })
public final class ConcurrencyMetricsAutoConfiguration {

	@Bean
	BulkheadMetrics bulkheadMetrics(BulkheadRegistry bulkheadRegistry) {
		return new BulkheadMetrics(bulkheadRegistry);
	}

}
