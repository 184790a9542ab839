package dev.cog.benchmarks.contenders;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.common.bulkhead.configuration.CommonBulkheadConfigurationProperties.InstanceProperties;
import io.github.resilience4j.common.bulkhead.configuration.CommonThreadPoolBulkheadConfigurationProperties;
import io.github.resilience4j.spring6.bulkhead.configure.BulkheadConfiguration;
import io.github.resilience4j.spring6.bulkhead.configure.BulkheadConfigurationProperties;
import io.github.resilience4j.spring6.bulkhead.configure.threadpool.ThreadPoolBulkheadConfiguration;
import io.github.resilience4j.spring6.fallback.configure.FallbackConfiguration;
import io.github.resilience4j.spring6.spelresolver.configure.SpelResolverConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * The application contexts of the annotation-driven contenders.
 */
public final class Contexts {

	/** Boot's auto-configurations that give an application a meter registry. */
	private static final List<String> METRICS_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration");

	private Contexts() {
	}

	/**
	 * A Spring Boot application with every auto-configuration on the class path, ours included,
	 * quiet, without a web server.
	 * @param metrics whether Boot's metrics auto-configuration gives it a Micrometer
	 * {@code SimpleMeterRegistry}, which our metrics auto-configuration then records into
	 * @param sources its configuration classes
	 * @return the application, to run
	 */
	public static SpringApplicationBuilder cogApplication(boolean metrics, Class<?>... sources) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.registerShutdownHook(false)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn");
		if (!metrics) {
			builder.properties("spring.autoconfigure.exclude=" + String.join(",", METRICS_AUTO_CONFIGURATIONS));
		}
		return builder;
	}

	/**
	 * Start a {@link CogService} application.
	 * @param asyncLimit the max of its asynchronous methods, set by property
	 * @param metrics whether it records metrics
	 * @param properties more properties, {@code key=value}
	 * @return the started application
	 */
	public static Contestant cog(int asyncLimit, boolean metrics, String... properties) {
		ConfigurableApplicationContext context = cogApplication(metrics, CogApplication.class)
			.properties("cog.concurrency.instances.bench.future.max=" + asyncLimit,
					"cog.concurrency.instances.bench.mono.max=" + asyncLimit)
			.properties(properties)
			.run();
		return new Contestant(context.getBean(Service.class), context);
	}

	static Contestant spring(int asyncLimit) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("bench", Map.of("bench.async-limit", asyncLimit)));
		context.register(SpringLimitedApplication.class);
		context.refresh();
		return new Contestant(context.getBean(Service.class), context);
	}

	static Contestant resilience4j(int asyncLimit) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(BulkheadConfigurationProperties.class, () -> resilience4jProperties(asyncLimit));
		context.register(Resilience4jApplication.class);
		context.refresh();
		return new Contestant(context.getBean(Service.class), context);
	}

	private static BulkheadConfigurationProperties resilience4jProperties(int asyncLimit) {
		BulkheadConfigurationProperties properties = new BulkheadConfigurationProperties();
		properties.getInstances().put("call", instance(1));
		properties.getInstances().put("future", instance(asyncLimit));
		properties.getInstances().put("mono", instance(asyncLimit));
		return properties;
	}

	private static InstanceProperties instance(int limit) {
		return new InstanceProperties().setMaxConcurrentCalls(limit)
			.setMaxWaitDuration(Duration.ZERO)
			.setWritableStackTraceEnabled(false);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class CogApplication {

		@Bean
		CogService cogService() {
			return new CogService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableResilientMethods(proxyTargetClass = true)
	static class SpringLimitedApplication {

		@Bean
		SpringLimitedService springLimitedService() {
			return new SpringLimitedService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAspectJAutoProxy(proxyTargetClass = true)
	@Import({ BulkheadConfiguration.class, ThreadPoolBulkheadConfiguration.class, FallbackConfiguration.class,
			SpelResolverConfiguration.class })
	static class Resilience4jApplication {

		@Bean
		CommonThreadPoolBulkheadConfigurationProperties threadPoolBulkheadConfigurationProperties() {
			return new CommonThreadPoolBulkheadConfigurationProperties();
		}

		@Bean
		Resilience4jAnnotatedService resilience4jAnnotatedService() {
			return new Resilience4jAnnotatedService();
		}

	}

}
