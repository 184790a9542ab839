package dev.cog.interceptor;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.cog.Concurrent;
import dev.cog.autoconfigure.ConcurrencyAutoConfiguration;
import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.bulkhead.CallObserver;
import dev.cog.bulkhead.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for a {@code Mono} whose source is a {@link Callable} ({@code Mono.fromCallable}): the
 * slot is held from subscribe, the source is called on the first request, and the slot is free
 * before the value arrives, as for every other {@code Mono}.
 */
class CallableMonoCallTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class))
		.withUserConfiguration(Config.class)
		.withPropertyValues("cog.concurrency.instances.model.predict.max-wait=30s");

	@Test
	void sourceIsCalledOnRequestHoldingTheSlotWhichIsFreeWhenTheValueArrives() {
		this.contextRunner.run((context) -> {
			Model model = context.getBean(Model.class);
			Bulkhead bulkhead = observed(context.getBean(BulkheadRegistry.class));
			AtomicInteger activeDuringCall = new AtomicInteger(-1);
			StepVerifier.create(model.predict(() -> {
				activeDuringCall.set(bulkhead.pool().active());
				return "done";
			}), 0)
				.then(() -> assertThat(bulkhead.pool().active()).as("held from subscribe").isOne())
				.then(() -> assertThat(activeDuringCall).as("not called before the request").hasValue(-1))
				.thenRequest(1)
				.assertNext((value) -> assertThat(bulkhead.pool().active()).as("free when the value arrives").isZero())
				.verifyComplete();
			assertThat(activeDuringCall).hasValue(1);
			assertThat(outcomes(bulkhead)).containsExactly(Outcome.SUCCESS);
		});
	}

	@Test
	void sourceWithoutAValueCompletesEmpty() {
		this.contextRunner.run((context) -> {
			Model model = context.getBean(Model.class);
			Bulkhead bulkhead = observed(context.getBean(BulkheadRegistry.class));
			StepVerifier.create(model.predict(() -> null)).verifyComplete();
			assertThat(bulkhead.pool().active()).isZero();
			assertThat(outcomes(bulkhead)).containsExactly(Outcome.SUCCESS);
		});
	}

	@Test
	void cancelBeforeTheRequestFreesTheSlotWithoutCallingTheSource() {
		this.contextRunner.run((context) -> {
			Model model = context.getBean(Model.class);
			Bulkhead bulkhead = observed(context.getBean(BulkheadRegistry.class));
			AtomicInteger calls = new AtomicInteger();
			StepVerifier.create(model.predict(() -> "called " + calls.incrementAndGet()), 0)
				.then(() -> assertThat(bulkhead.pool().active()).isOne())
				.thenCancel()
				.verify(TIMEOUT);
			assertThat(calls).hasValue(0);
			assertThat(bulkhead.pool().active()).isZero();
			assertThat(outcomes(bulkhead)).containsExactly(Outcome.CANCELLED);
		});
	}

	@Test
	void failureOfTheSourceFreesTheSlotAndReachesTheSubscriber() {
		this.contextRunner.run((context) -> {
			Model model = context.getBean(Model.class);
			Bulkhead bulkhead = observed(context.getBean(BulkheadRegistry.class));
			StepVerifier.create(model.predict(() -> {
				throw new IOException("model file missing");
			}))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IOException.class)
					.hasMessage("model file missing"))
				.verify(TIMEOUT);
			assertThat(bulkhead.pool().active()).isZero();
			assertThat(outcomes(bulkhead)).containsExactly(Outcome.ERROR);
		});
	}

	@Test
	void cancelWhileTheSourceRunsKeepsTheSlotUntilItReturnsAndDropsTheValue() {
		this.contextRunner.run((context) -> {
			Model model = context.getBean(Model.class);
			Bulkhead bulkhead = observed(context.getBean(BulkheadRegistry.class));
			CountDownLatch entered = new CountDownLatch(1);
			CountDownLatch proceed = new CountDownLatch(1);
			Mono<String> mono = model.predict(() -> {
				entered.countDown();
				proceed.await();
				return "late";
			});
			Recorder recorder = new Recorder();
			CompletableFuture<Void> subscribed = CompletableFuture.runAsync(() -> mono.subscribe(recorder),
					(task) -> new Thread(task, "subscriber").start());
			assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
			recorder.dispose();
			assertThat(bulkhead.pool().active()).as("held while the source runs").isOne();
			proceed.countDown();
			subscribed.get(30, TimeUnit.SECONDS);
			assertThat(recorder.signals).isEmpty();
			assertThat(bulkhead.pool().active()).isZero();
			assertThat(outcomes(bulkhead)).containsExactly(Outcome.CANCELLED);
		});
	}

	@Test
	void subscriptionThatFindsThePoolFullWaitsForTheSlot() {
		this.contextRunner.run((context) -> {
			Model model = context.getBean(Model.class);
			Bulkhead bulkhead = observed(context.getBean(BulkheadRegistry.class));
			Recorder holder = new Recorder(0);
			model.predict(() -> "first").subscribe(holder);
			StepVerifier.create(model.predict(() -> "second"))
				.then(() -> assertThat(bulkhead.pool().waiting()).isOne())
				.then(holder::dispose)
				.expectNext("second")
				.verifyComplete();
			assertThat(bulkhead.pool().active()).isZero();
			// The freed slot goes to the waiter before the holder's outcome is recorded.
			assertThat(outcomes(bulkhead)).containsExactlyInAnyOrder(Outcome.CANCELLED, Outcome.SUCCESS);
		});
	}

	private static Bulkhead observed(BulkheadRegistry registry) {
		Bulkhead bulkhead = registry.get("model.predict");
		bulkhead.observeWith(new OutcomeRecorder());
		return bulkhead;
	}

	private static List<Outcome> outcomes(Bulkhead bulkhead) {
		return ((OutcomeRecorder) bulkhead.observer()).outcomes;
	}

	static final class OutcomeRecorder implements CallObserver {

		final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

		@Override
		public long admitted(long waitedNanos) {
			return 0;
		}

		@Override
		public void released(long token, Outcome outcome) {
			this.outcomes.add(outcome);
		}

	}

	/** Requests {@code initialRequest} on subscribe and records every signal. */
	static final class Recorder extends BaseSubscriber<String> {

		final List<String> signals = new CopyOnWriteArrayList<>();

		private final long initialRequest;

		Recorder() {
			this(1);
		}

		Recorder(long initialRequest) {
			this.initialRequest = initialRequest;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			if (this.initialRequest > 0) {
				subscription.request(this.initialRequest);
			}
		}

		@Override
		protected void hookOnNext(String value) {
			this.signals.add("next " + value);
		}

		@Override
		protected void hookOnError(Throwable failure) {
			this.signals.add("error " + failure);
		}

		@Override
		protected void hookOnComplete() {
			this.signals.add("complete");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

		@Bean
		Model model() {
			return new Model();
		}

	}

	static class Model {

		@Concurrent(max = 1)
		public Mono<String> predict(Callable<String> work) {
			return Mono.fromCallable(work);
		}

	}

}
