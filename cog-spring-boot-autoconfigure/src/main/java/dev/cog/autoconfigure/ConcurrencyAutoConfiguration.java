package dev.cog.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.interceptor.ConcurrentAnnotationBeanPostProcessor;
import dev.cog.resolve.SettingsResolver;

/**
 * Auto-configuration that guards every bean method annotated with {@link dev.cog.Concurrent}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "cog.concurrency.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConcurrencyProperties.class)
public final class ConcurrencyAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static SettingsResolver concurrencySettingsResolver(Environment environment) {
		return new SettingsResolver(environment);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static BulkheadRegistry bulkheadRegistry(SettingsResolver concurrencySettingsResolver, Environment environment) {
		boolean stackTraces = environment.getProperty("cog.concurrency.rejection-stack-traces", Boolean.class, false);
		return new BulkheadRegistry(concurrencySettingsResolver, stackTraces);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ConcurrentAnnotationBeanPostProcessor concurrentAnnotationBeanPostProcessor(
			ObjectProvider<BulkheadRegistry> bulkheadRegistry) {
		return new ConcurrentAnnotationBeanPostProcessor(bulkheadRegistry);
	}

	@Bean
	BulkheadStartupReport bulkheadStartupReport(BulkheadRegistry bulkheadRegistry,
			SettingsResolver concurrencySettingsResolver) {
		return new BulkheadStartupReport(bulkheadRegistry, concurrencySettingsResolver);
	}

}
