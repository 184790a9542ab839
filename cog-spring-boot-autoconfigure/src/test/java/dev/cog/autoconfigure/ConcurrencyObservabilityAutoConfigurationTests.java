package dev.cog.autoconfigure;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cog.Concurrent;
import dev.cog.actuate.endpoint.ConcurrencyEndpoint;
import dev.cog.actuate.health.ConcurrencyHealthIndicator;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.bulkhead.CallObserver;
import dev.cog.metrics.BulkheadMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConcurrencyMetricsAutoConfiguration},
 * {@link ConcurrencyEndpointAutoConfiguration} and
 * {@link ConcurrencyHealthContributorAutoConfiguration}.
 */
class ConcurrencyObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class,
				ConcurrencyMetricsAutoConfiguration.class, ConcurrencyEndpointAutoConfiguration.class,
				ConcurrencyHealthContributorAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
		.withUserConfiguration(ModelConfiguration.class);

	@Test
	void metersAreBoundToBootsMeterRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BulkheadMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("cog.concurrency.limit").tag("name", "test.model").gauge().value()).isEqualTo(2);
			context.getBean(Model.class).call().join();
			assertThat(registry.get("cog.concurrency.calls").tag("name", "test.model").tag("outcome", "success")
				.timer().count()).isOne();
		});
	}

	@Test
	void turningOffBothTimersTakesMetricsOffTheCallPath() {
		this.contextRunner
			.withPropertyValues("management.metrics.enable.cog.concurrency.calls=false",
					"management.metrics.enable.cog.concurrency.wait=false")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("cog.concurrency.calls").timer()).isNull();
				assertThat(registry.get("cog.concurrency.active").tag("name", "test.model").gauge()).isNotNull();
				assertThat(context.getBean(BulkheadRegistry.class).get("test.model").observer())
					.isSameAs(CallObserver.NONE);
			});
	}

	@Test
	void timersFeedAnObserverByDefault() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(BulkheadRegistry.class).get("test.model").observer())
			.isNotSameAs(CallObserver.NONE));
	}

	@Test
	void metricsBackOffWithoutMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class,
					ConcurrencyMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BulkheadMetrics.class));
	}

	@Test
	void metricsBackOffWithoutMicrometer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class,
					ConcurrencyMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BulkheadMetrics.class));
	}

	@Test
	void everythingBacksOffWhenConcurrencyIsDisabled() {
		this.contextRunner
			.withPropertyValues("cog.concurrency.enabled=false", "management.endpoints.web.exposure.include=concurrency")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(BulkheadMetrics.class)
				.doesNotHaveBean(ConcurrencyEndpoint.class)
				.doesNotHaveBean(ConcurrencyHealthIndicator.class));
	}

	@Test
	void endpointIsAbsentUnlessExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ConcurrencyEndpoint.class));
	}

	@Test
	void endpointIsPresentWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=concurrency")
			.run((context) -> assertThat(context).hasSingleBean(ConcurrencyEndpoint.class));
	}

	@Test
	void endpointBacksOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=concurrency")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ConcurrencyEndpoint.class));
	}

	@Test
	void healthIndicatorIsPresentByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ConcurrencyHealthIndicator.class)
			.hasBean("concurrencyHealthIndicator"));
	}

	@Test
	void healthIndicatorCanBeDisabled() {
		this.contextRunner.withPropertyValues("management.health.concurrency.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConcurrencyHealthIndicator.class));
	}

	@Test
	void healthIndicatorBacksOffWithoutHealthSupport() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ConcurrencyHealthIndicator.class));
	}

	@Test
	void saturatedBulkheadStaysUpByDefault() {
		this.contextRunner.run((context) -> {
			saturate(context.getBean(Model.class));
			assertThat(context.getBean(ConcurrencyHealthIndicator.class).health(true).getStatus())
				.isEqualTo(Status.UP);
		});
	}

	@Test
	void saturatedBulkheadIsOutOfServiceWhenAsked() {
		this.contextRunner.withPropertyValues("cog.concurrency.health.saturated-out-of-service=true")
			.run((context) -> {
				ConcurrencyHealthIndicator indicator = context.getBean(ConcurrencyHealthIndicator.class);
				assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
				CompletableFuture<String> held = saturate(context.getBean(Model.class));
				assertThat(indicator.health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(indicator.health(true).getDetails()).containsEntry("bulkheads",
						Map.of("test.model", new ConcurrencyHealthIndicator.Slots(2, 2, 0, 0)));
				held.complete("done");
				assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
			});
	}

	private static CompletableFuture<String> saturate(Model model) {
		CompletableFuture<String> held = new CompletableFuture<>();
		model.hold(held);
		model.hold(held);
		return held;
	}

	@Configuration(proxyBeanMethods = false)
	static class ModelConfiguration {

		@Bean
		Model model() {
			return new Model();
		}

	}

	public static class Model {

		@Concurrent(name = "test.model", max = 2)
		public CompletableFuture<String> hold(CompletableFuture<String> result) {
			return result;
		}

		@Concurrent(name = "test.model", max = 2)
		public CompletableFuture<String> call() {
			return CompletableFuture.completedFuture("done");
		}

	}

}
