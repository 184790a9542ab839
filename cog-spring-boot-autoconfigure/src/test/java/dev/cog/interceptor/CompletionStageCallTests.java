package dev.cog.interceptor;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cog.Concurrent;
import dev.cog.ConcurrencyLimitExceededException;
import dev.cog.autoconfigure.ConcurrencyAutoConfiguration;
import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.bulkhead.CallObserver;
import dev.cog.bulkhead.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@code CompletionStage} methods: the slot is held from the call until the returned
 * stage completes, normally, exceptionally or by cancellation.
 */
class CompletionStageCallTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@Test
	void callBeyondMaxGetsAStageThatFailsWithTheRejection() {
		this.contextRunner.run((context) -> {
			Backend backend = context.getBean(Backend.class);
			Bulkhead bulkhead = bulkhead(context.getBean(BulkheadRegistry.class));
			CompletableFuture<String> first = backend.call();
			CompletableFuture<String> second = backend.call();
			assertThat(bulkhead.pool().active()).isEqualTo(2);
			CompletableFuture<String> third = backend.call();
			assertThat(third).isCompletedExceptionally();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(third::get)
				.havingCause()
				.isInstanceOf(ConcurrencyLimitExceededException.class)
				.withMessageContaining("'backend.call' has all 2 slots taken");
			assertThat(backend.started()).hasSize(2);
			assertThat(bulkhead.rejected()).isEqualTo(1);
			backend.started().get(0).complete("one");
			assertThat(first).isCompletedWithValue("one");
			assertThat(bulkhead.pool().active()).isEqualTo(1);
			backend.started().get(1).complete("two");
			assertThat(second).isCompletedWithValue("two");
			assertThat(bulkhead.pool().active()).isZero();
		});
	}

	@Test
	void slotIsHeldUntilTheStageCompletesNotUntilTheMethodReturns() {
		this.contextRunner.run((context) -> {
			Backend backend = context.getBean(Backend.class);
			Bulkhead bulkhead = bulkhead(context.getBean(BulkheadRegistry.class));
			CompletableFuture<String> call = backend.call();
			assertThat(bulkhead.pool().active()).isEqualTo(1);
			call.thenRun(() -> assertThat(bulkhead.pool().active()).as("active when the caller sees completion")
				.isZero());
			backend.started().get(0).complete("done");
			assertThat(call).isCompletedWithValue("done");
		});
	}

	@Test
	void slotIsFreedWhenTheStageFails() {
		this.contextRunner.run((context) -> {
			Backend backend = context.getBean(Backend.class);
			CompletableFuture<String> call = backend.call();
			backend.started().get(0).completeExceptionally(new IllegalStateException("boom"));
			assertThat(call).isCompletedExceptionally();
			assertThat(bulkhead(context.getBean(BulkheadRegistry.class)).pool().active()).isZero();
		});
	}

	@Test
	void cancellingTheReturnedStageFreesTheSlotAndCancelsTheMethodsStage() {
		this.contextRunner.run((context) -> {
			Backend backend = context.getBean(Backend.class);
			CompletableFuture<String> call = backend.call();
			assertThat(call.cancel(true)).isTrue();
			assertThat(bulkhead(context.getBean(BulkheadRegistry.class)).pool().active()).isZero();
			assertThat(backend.started().get(0)).isCancelled();
		});
	}

	@Test
	void stageThatIsDoneOnReturnFreesTheSlotAtOnceAndIsReturnedAsItIs() {
		this.contextRunner.run((context) -> {
			Backend backend = context.getBean(Backend.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("backend.done");
			List<Outcome> outcomes = new CopyOnWriteArrayList<>();
			bulkhead.observeWith(new CallObserver() {

				@Override
				public long admitted(long waitedNanos) {
					return 0;
				}

				@Override
				public void released(long token, Outcome outcome) {
					outcomes.add(outcome);
				}

			});
			CompletableFuture<String> value = CompletableFuture.completedFuture("value");
			CompletableFuture<String> failure = CompletableFuture.failedFuture(new IllegalStateException("boom"));
			CompletableFuture<String> cancelled = new CompletableFuture<>();
			cancelled.cancel(false);
			assertThat(backend.done(value)).isSameAs(value);
			assertThat(backend.done(failure)).isSameAs(failure);
			assertThat(backend.done(cancelled)).isSameAs(cancelled);
			assertThat(bulkhead.pool().active()).isZero();
			assertThat(outcomes).containsExactly(Outcome.SUCCESS, Outcome.ERROR, Outcome.CANCELLED);
		});
	}

	@Test
	void slotIsFreedAtOnceWhenTheMethodThrowsOrReturnsNull() {
		this.contextRunner.run((context) -> {
			Backend backend = context.getBean(Backend.class);
			BulkheadRegistry registry = context.getBean(BulkheadRegistry.class);
			assertThatIllegalStateException().isThrownBy(backend::fail).withMessage("boom");
			assertThat(registry.get("backend.fail").pool().active()).isZero();
			assertThat(backend.nothing()).isNull();
			assertThat(registry.get("backend.nothing").pool().active()).isZero();
		});
	}

	@Test
	void waitingCallRunsWhenASlotFreesWithoutBlockingTheCaller() {
		this.contextRunner.withPropertyValues("cog.concurrency.instances.backend.call.max-wait=30s").run((context) -> {
			Backend backend = context.getBean(Backend.class);
			Bulkhead bulkhead = bulkhead(context.getBean(BulkheadRegistry.class));
			backend.call();
			backend.call();
			CompletableFuture<String> third = backend.call();
			assertThat(third).isNotDone();
			assertThat(backend.started()).hasSize(2);
			assertThat(bulkhead.pool().waiting()).isEqualTo(1);
			backend.started().get(0).complete("one");
			assertThat(backend.started()).hasSize(3);
			assertThat(bulkhead.pool().waiting()).isZero();
			assertThat(bulkhead.pool().active()).isEqualTo(2);
			backend.started().get(2).complete("three");
			assertThat(third).isCompletedWithValue("three");
		});
	}

	@Test
	void cancellingAWaitingCallLeavesTheQueueWithoutRunningIt() {
		this.contextRunner.withPropertyValues("cog.concurrency.max-wait=30s").run((context) -> {
			Backend backend = context.getBean(Backend.class);
			Bulkhead bulkhead = bulkhead(context.getBean(BulkheadRegistry.class));
			backend.call();
			backend.call();
			CompletableFuture<String> third = backend.call();
			third.cancel(false);
			assertThat(bulkhead.pool().waiting()).isZero();
			backend.started().get(0).complete("one");
			assertThat(backend.started()).hasSize(2);
			assertThat(bulkhead.pool().active()).isEqualTo(1);
		});
	}

	@Test
	void waitingCallThatTimesOutFailsWithTheRejection() {
		this.contextRunner.withPropertyValues("cog.concurrency.max-wait=10ms").run((context) -> {
			Backend backend = context.getBean(Backend.class);
			backend.call();
			backend.call();
			CompletableFuture<String> third = backend.call();
			await().until(third::isDone);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> third.get(30, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(ConcurrencyLimitExceededException.class)
				.withMessageEndingWith("none freed within max-wait PT0.01S");
			assertThat(backend.started()).hasSize(2);
			assertThat(bulkhead(context.getBean(BulkheadRegistry.class)).pool().waiting()).isZero();
		});
	}

	@Test
	void completionStageReturnTypeIsHonoured() {
		this.contextRunner.run((context) -> {
			Backend backend = context.getBean(Backend.class);
			CompletionStage<String> stage = backend.stage();
			assertThat(context.getBean(BulkheadRegistry.class).get("backend.stage").pool().active()).isEqualTo(1);
			backend.started().get(0).complete("done");
			assertThat(stage.toCompletableFuture()).isCompletedWithValue("done");
		});
	}

	private static Bulkhead bulkhead(BulkheadRegistry registry) {
		return registry.get("backend.call");
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

		@Bean
		Backend backend() {
			return new Backend();
		}

	}

	static class Backend {

		private final List<CompletableFuture<String>> started = new CopyOnWriteArrayList<>();

		@Concurrent(max = 2)
		public CompletableFuture<String> call() {
			CompletableFuture<String> future = new CompletableFuture<>();
			this.started.add(future);
			return future;
		}

		@Concurrent(max = 2)
		public CompletionStage<String> stage() {
			return call();
		}

		@Concurrent(max = 2)
		public CompletableFuture<String> fail() {
			throw new IllegalStateException("boom");
		}

		@Concurrent(max = 2)
		public CompletableFuture<String> done(CompletableFuture<String> done) {
			return done;
		}

		@Concurrent(max = 2)
		public CompletableFuture<String> nothing() {
			return null;
		}

		public List<CompletableFuture<String>> started() {
			return this.started;
		}

	}

}
