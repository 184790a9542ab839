package dev.cog.metrics;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import dev.cog.Concurrent;
import dev.cog.ConcurrencyLimitExceededException;
import dev.cog.autoconfigure.ConcurrencyAutoConfiguration;
import dev.cog.autoconfigure.ConcurrencyMetricsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BulkheadMetrics}, bound to a {@link SimpleMeterRegistry}.
 */
class BulkheadMetricsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ConcurrencyAutoConfiguration.class, ConcurrencyMetricsAutoConfiguration.class))
		.withUserConfiguration(MetricsConfiguration.class)
		.withPropertyValues("cog.concurrency.instances.test.queued.max-wait=1m");

	@Test
	void everyMeterExistsWithTheBulkheadName() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = bound(context.getBean(BulkheadMetrics.class), context.getBean(MeterRegistry.class));
			for (String name : new String[] { "test.sync", "test.queued", "test.mono" }) {
				assertThat(registry.get("cog.concurrency.limit").tag("name", name).gauge().value()).isPositive();
				assertThat(registry.get("cog.concurrency.active").tag("name", name).gauge().value()).isZero();
				assertThat(registry.get("cog.concurrency.waiting").tag("name", name).gauge().value()).isZero();
				assertThat(registry.get("cog.concurrency.rejected").tag("name", name).functionCounter().count())
					.isZero();
				assertThat(registry.get("cog.concurrency.wait").tag("name", name).timer().count()).isZero();
				for (String outcome : new String[] { "success", "error", "cancelled" }) {
					assertThat(registry.get("cog.concurrency.calls").tag("name", name).tag("outcome", outcome).timer()
						.count()).isZero();
				}
			}
			assertThat(registry.get("cog.concurrency.limit").tag("name", "test.queued").gauge().value()).isEqualTo(2);
			assertThat(registry.get("cog.concurrency.active").meter().getId().getDescription()).isNotBlank();
			assertThat(registry.get("cog.concurrency.active").meter().getId().getBaseUnit()).isEqualTo("slots");
			assertThat(registry.get("cog.concurrency.rejected").meter().getId().getBaseUnit()).isEqualTo("calls");
		});
	}

	@Test
	void gaugesAndWaitTimerFollowHeldAndQueuedSlots() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = bound(context.getBean(BulkheadMetrics.class), context.getBean(MeterRegistry.class));
			Models models = context.getBean(Models.class);
			CompletableFuture<String> first = new CompletableFuture<>();
			CompletableFuture<String> second = new CompletableFuture<>();
			CompletableFuture<String> third = new CompletableFuture<>();
			CompletableFuture<String> firstCall = models.queued(first);
			CompletableFuture<String> secondCall = models.queued(second);
			assertThat(gauge(registry, "cog.concurrency.active", "test.queued")).isEqualTo(2);
			CompletableFuture<String> thirdCall = models.queued(third);
			assertThat(gauge(registry, "cog.concurrency.waiting", "test.queued")).isEqualTo(1);
			Timer wait = registry.get("cog.concurrency.wait").tag("name", "test.queued").timer();
			assertThat(wait.count()).isZero();
			first.complete("one");
			assertThat(gauge(registry, "cog.concurrency.waiting", "test.queued")).isZero();
			assertThat(gauge(registry, "cog.concurrency.active", "test.queued")).isEqualTo(2);
			assertThat(wait.count()).isOne();
			assertThat(wait.totalTime(TimeUnit.NANOSECONDS)).isPositive();
			second.complete("two");
			third.complete("three");
			assertThat(CompletableFuture.allOf(firstCall, secondCall, thirdCall)).isCompleted();
			assertThat(gauge(registry, "cog.concurrency.active", "test.queued")).isZero();
			assertThat(calls(registry, "test.queued", "success").count()).isEqualTo(3);
			assertThat(wait.count()).isOne();
		});
	}

	@Test
	void rejectedCountsCallsTurnedAway() throws Exception {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = bound(context.getBean(BulkheadMetrics.class), context.getBean(MeterRegistry.class));
			Models models = context.getBean(Models.class);
			CountDownLatch started = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> models.sync(started, release));
			assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(gauge(registry, "cog.concurrency.active", "test.sync")).isOne();
			assertThatExceptionOfType(ConcurrencyLimitExceededException.class)
				.isThrownBy(() -> models.sync(new CountDownLatch(1), new CountDownLatch(0)));
			assertThat(registry.get("cog.concurrency.rejected").tag("name", "test.sync").functionCounter().count())
				.isOne();
			release.countDown();
			assertThat(holder.get(30, TimeUnit.SECONDS)).isEqualTo("done");
			await().untilAsserted(() -> assertThat(calls(registry, "test.sync", "success").count()).isOne());
			assertThat(gauge(registry, "cog.concurrency.active", "test.sync")).isZero();
		});
	}

	@Test
	void callsCountsEveryOutcome() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = bound(context.getBean(BulkheadMetrics.class), context.getBean(MeterRegistry.class));
			Models models = context.getBean(Models.class);
			for (int i = 0; i < 1000; i++) {
				models.sync(new CountDownLatch(1), new CountDownLatch(0));
			}
			assertThat(calls(registry, "test.sync", "success").count()).isEqualTo(1000);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> models.sync(null, null));
			assertThat(calls(registry, "test.sync", "error").count()).isOne();

			models.queued(CompletableFuture.failedFuture(new IllegalStateException("failed")));
			assertThat(calls(registry, "test.queued", "error").count()).isOne();
			CompletableFuture<String> cancelled = models.queued(new CompletableFuture<>());
			assertThat(cancelled.cancel(true)).isTrue();
			assertThat(calls(registry, "test.queued", "cancelled").count()).isOne();
			assertThat(gauge(registry, "cog.concurrency.active", "test.queued")).isZero();

			models.mono(Mono.just("one")).block();
			assertThat(calls(registry, "test.mono", "success").count()).isOne();
			models.mono(Mono.never()).subscribe().dispose();
			assertThat(calls(registry, "test.mono", "cancelled").count()).isOne();
			assertThat(gauge(registry, "cog.concurrency.active", "test.mono")).isZero();
			assertThat(calls(registry, "test.mono", "success").totalTime(TimeUnit.NANOSECONDS)).isPositive();
		});
	}

	@Test
	void bulkheadsCreatedAfterBindingGetMeters() {
		this.contextRunner.withUserConfiguration(LazyModelConfiguration.class).run((context) -> {
			MeterRegistry registry = bound(context.getBean(BulkheadMetrics.class), context.getBean(MeterRegistry.class));
			assertThat(registry.find("cog.concurrency.limit").tag("name", "test.lazy").gauge()).isNull();
			context.getBean(LazyModel.class).call();
			assertThat(gauge(registry, "cog.concurrency.limit", "test.lazy")).isOne();
			assertThat(calls(registry, "test.lazy", "success").count()).isOne();
		});
	}

	private static MeterRegistry bound(BulkheadMetrics metrics, MeterRegistry registry) {
		metrics.bindTo(registry);
		return registry;
	}

	private static double gauge(MeterRegistry registry, String meter, String name) {
		return registry.get(meter).tag("name", name).gauge().value();
	}

	private static Timer calls(MeterRegistry registry, String name, String outcome) {
		return registry.get("cog.concurrency.calls").tag("name", name).tag("outcome", outcome).timer();
	}

	@Configuration(proxyBeanMethods = false)
	static class MetricsConfiguration {

		@Bean
		SimpleMeterRegistry simpleMeterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		Models models() {
			return new Models();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LazyModelConfiguration {

		@Bean
		@Lazy
		LazyModel lazyModel() {
			return new LazyModel();
		}

	}

	static class Models {

		@Concurrent(name = "test.sync")
		public String sync(CountDownLatch started, CountDownLatch release) {
			if (started == null) {
				throw new IllegalStateException("no latch");
			}
			started.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "done";
		}

		@Concurrent(name = "test.queued", max = 2)
		public CompletableFuture<String> queued(CompletableFuture<String> result) {
			return result;
		}

		@Concurrent(name = "test.mono")
		public Mono<String> mono(Mono<String> result) {
			return result;
		}

	}

	static class LazyModel {

		@Concurrent(name = "test.lazy")
		public String call() {
			return "lazy";
		}

	}

}
