package dev.cog.reliability;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

import dev.cog.Concurrent;
import dev.cog.autoconfigure.ConcurrencyAutoConfiguration;
import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.bulkhead.CallObserver;
import dev.cog.bulkhead.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The narrowest cancel race, made deterministic: the caller cancels a queued call after the pool
 * has handed it a slot but before the call knows it holds one, so withdrawing fails and only the
 * admission itself can give the slot back. The bulkhead's observer, told at that very point,
 * holds the admitting thread until the cancel is done.
 */
class CancelDuringAdmissionTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class))
		.withBean(Queued.class)
		.withPropertyValues("cog.concurrency.instances.queued.max-wait=10s");

	@Test
	void cancellingAStageBeingAdmittedFreesItsSlot() {
		cancelDuringAdmission((queued) -> {
			CompletableFuture<String> stage = queued.stage(new CompletableFuture<>());
			return () -> assertThat(stage.cancel(true)).isTrue();
		});
	}

	@Test
	void cancellingASubscriptionBeingAdmittedFreesItsSlot() {
		cancelDuringAdmission((queued) -> queued.mono(Mono.never()).subscribe()::dispose);
	}

	private void cancelDuringAdmission(Function<Queued, Runnable> queueAndCancel) {
		this.contextRunner.run((context) -> {
			Queued queued = context.getBean(Queued.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("queued");
			CompletableFuture<String> held = new CompletableFuture<>();
			queued.stage(held);
			Runnable cancel = queueAndCancel.apply(queued);
			assertThat(bulkhead.pool().waiting()).isOne();
			PausedAdmission paused = new PausedAdmission();
			bulkhead.observeWith(paused);
			CompletableFuture<Void> release = CompletableFuture.runAsync(() -> held.complete("done"));
			assertThat(paused.reached.await(10, TimeUnit.SECONDS)).as("admission under way").isTrue();
			assertThat(bulkhead.pool().waiting()).as("left the queue").isZero();
			cancel.run();
			paused.resume.countDown();
			release.get(10, TimeUnit.SECONDS);
			assertThat(bulkhead.pool().active()).isZero();
			assertThat(bulkhead.pool().available()).isOne();
		});
	}

	/** Stops the first admission it is told of until the test resumes it. */
	private static final class PausedAdmission implements CallObserver {

		final CountDownLatch reached = new CountDownLatch(1);

		final CountDownLatch resume = new CountDownLatch(1);

		@Override
		public long admitted(long waitedNanos) {
			this.reached.countDown();
			try {
				this.resume.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return 0;
		}

		@Override
		public void released(long token, Outcome outcome) {
		}

	}

	public static class Queued {

		@Concurrent(name = "queued")
		public CompletableFuture<String> stage(CompletableFuture<String> result) {
			return result;
		}

		@Concurrent(name = "queued")
		public Mono<String> mono(Mono<String> result) {
			return result;
		}

	}

}
