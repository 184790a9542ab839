package dev.cog.interceptor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for synchronous {@code @Concurrent} methods: the slot is held from the call until the
 * method returns or throws.
 */
class SynchronousCallTests {

	// Blocking calls need threads of their own: the common pool may have a single one.
	private final ExecutorService callers = Executors.newCachedThreadPool();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@AfterEach
	void stopCallers() {
		this.callers.shutdownNow();
	}

	@Test
	void secondCallIsRejectedWhileTheFirstHoldsTheSlot() {
		this.contextRunner.run((context) -> {
			Worker worker = context.getBean(Worker.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("worker.work");
			CompletableFuture<String> first = CompletableFuture.supplyAsync(worker::work, this.callers);
			worker.awaitEntered();
			assertThat(bulkhead.pool().active()).isEqualTo(1);
			assertThatExceptionOfType(ConcurrencyLimitExceededException.class).isThrownBy(worker::work)
				.withMessage("Bulkhead 'worker.work' has all 1 slot taken: max-wait is 0, so calls do not wait for a slot")
				.satisfies((ex) -> assertThat(ex.getStackTrace()).isEmpty());
			assertThat(bulkhead.rejected()).isEqualTo(1);
			worker.release();
			assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("done");
			assertThat(bulkhead.pool().active()).isZero();
			assertThat(worker.work()).isEqualTo("done");
		});
	}

	@Test
	void slotIsFreedWhenTheMethodThrows() {
		this.contextRunner.run((context) -> {
			Worker worker = context.getBean(Worker.class);
			assertThatIllegalStateException().isThrownBy(worker::fail).withMessage("boom");
			assertThat(context.getBean(BulkheadRegistry.class).get("worker.fail").pool().active()).isZero();
		});
	}

	@Test
	void waitingCallGetsTheSlotWhenItFrees() {
		this.contextRunner.withPropertyValues("cog.concurrency.instances.worker.work.max-wait=30s").run((context) -> {
			Worker worker = context.getBean(Worker.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("worker.work");
			CompletableFuture<String> first = CompletableFuture.supplyAsync(worker::work, this.callers);
			worker.awaitEntered();
			CompletableFuture<String> second = CompletableFuture.supplyAsync(worker::work, this.callers);
			await().until(() -> bulkhead.pool().waiting() == 1);
			assertThat(second).isNotDone();
			worker.release();
			assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("done");
			assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("done");
			assertThat(bulkhead.pool().active()).isZero();
			assertThat(bulkhead.rejected()).isZero();
		});
	}

	@Test
	void waitingCallThatTimesOutIsRejected() {
		this.contextRunner.withPropertyValues("cog.concurrency.max-wait=20ms").run((context) -> {
			Worker worker = context.getBean(Worker.class);
			CompletableFuture<String> first = CompletableFuture.supplyAsync(worker::work, this.callers);
			worker.awaitEntered();
			assertThatExceptionOfType(ConcurrencyLimitExceededException.class).isThrownBy(worker::work)
				.withMessageEndingWith("none freed within max-wait PT0.02S");
			worker.release();
			first.get(30, TimeUnit.SECONDS);
		});
	}

	@Test
	void interruptedWaitingCallIsRejectedAndKeepsItsInterrupt() {
		this.contextRunner.withPropertyValues("cog.concurrency.max-wait=30s").run((context) -> {
			Worker worker = context.getBean(Worker.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("worker.work");
			CompletableFuture<String> first = CompletableFuture.supplyAsync(worker::work, this.callers);
			worker.awaitEntered();
			CompletableFuture<Throwable> rejection = new CompletableFuture<>();
			AtomicBoolean interruptKept = new AtomicBoolean();
			Thread waiter = new Thread(() -> {
				try {
					worker.work();
				}
				catch (Throwable ex) {
					interruptKept.set(Thread.currentThread().isInterrupted());
					rejection.complete(ex);
				}
			});
			waiter.start();
			await().until(() -> bulkhead.pool().waiting() == 1);
			waiter.interrupt();
			assertThat(rejection.get(30, TimeUnit.SECONDS)).isInstanceOf(ConcurrencyLimitExceededException.class)
				.hasMessageEndingWith("the caller was interrupted while waiting for one");
			assertThat(interruptKept).isTrue();
			assertThat(bulkhead.pool().waiting()).isZero();
			worker.release();
			first.get(30, TimeUnit.SECONDS);
			assertThat(bulkhead.pool().active()).isZero();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

		@Bean
		Worker worker() {
			return new Worker();
		}

	}

	static class Worker {

		private final CountDownLatch entered = new CountDownLatch(1);

		private final CountDownLatch release = new CountDownLatch(1);

		public void awaitEntered() throws InterruptedException {
			assertThat(this.entered.await(30, TimeUnit.SECONDS)).isTrue();
		}

		public void release() {
			this.release.countDown();
		}

		@Concurrent
		public String work() {
			this.entered.countDown();
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "done";
		}

		@Concurrent
		public String fail() {
			throw new IllegalStateException("boom");
		}

	}

}
