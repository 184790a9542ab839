package dev.cog.reliability;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

import dev.cog.ConcurrencyLimitExceededException;
import dev.cog.Concurrent;
import dev.cog.autoconfigure.ConcurrencyAutoConfiguration;
import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.pool.PermitPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stress through real Spring proxies: every call shape, random outcomes and concurrent resizes,
 * then no slot in use, none waiting, every slot free. The seed is printed on failure; replay with
 * {@code -Dcog.stress.seed=<seed>}. {@code -Dcog.soak=10m} runs the soak instead.
 */
class BulkheadStressTests {

	private static final int THREADS = 8;

	private static final int CALLS_PER_THREAD = 1500;

	private static final int RACES = 500;

	private static final int CANCEL_RACES = 5_000;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class))
		.withUserConfiguration(TargetConfiguration.class)
		.withPropertyValues("cog.concurrency.instances.stress.sync.max-wait=20ms",
				"cog.concurrency.instances.stress.async.max-wait=5ms",
				"cog.concurrency.instances.race.sync.max-wait=2ms",
				"cog.concurrency.instances.race.async.max-wait=1ms",
				"cog.concurrency.instances.race.queued.max-wait=10s");

	@Test
	void everyShapeAndOutcomeUnderConcurrentResizesLosesNoSlot() {
		stress(CALLS_PER_THREAD, Duration.ofSeconds(20));
	}

	@Test
	@EnabledIfSystemProperty(named = "cog.soak", matches = ".+")
	void soak() {
		stress(Long.MAX_VALUE, DurationStyle.detectAndParse(System.getProperty("cog.soak")));
	}

	/** Failsafe #393: a synchronous wait that times out as the slot is released keeps no slot. */
	@Test
	void synchronousWaitTimingOutAsTheSlotFreesLosesNoSlot() {
		this.contextRunner.run((context) -> {
			RaceTarget target = context.getBean(RaceTarget.class);
			PermitPool pool = pool(context.getBean(BulkheadRegistry.class), "race.sync");
			Random random = new Random(seed());
			int admitted = 0;
			for (int i = 0; i < RACES; i++) {
				CompletableFuture<Void> gate = new CompletableFuture<>();
				CompletableFuture<Void> entered = new CompletableFuture<>();
				CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> target.hold(entered, gate));
				entered.get(10, TimeUnit.SECONDS);
				CompletableFuture<Boolean> waiter = new CompletableFuture<>();
				Thread thread = new Thread(() -> {
					try {
						target.hold(new CompletableFuture<>(), CompletableFuture.completedFuture(null));
						waiter.complete(true);
					}
					catch (ConcurrencyLimitExceededException ex) {
						waiter.complete(false);
					}
				});
				thread.start();
				await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ofNanos(50_000))
					.until(() -> LockSupport.getBlocker(thread) == pool || waiter.isDone());
				CompletableFuture.delayedExecutor(random.nextInt(1500), TimeUnit.MICROSECONDS)
					.execute(() -> gate.complete(null));
				admitted += waiter.get(10, TimeUnit.SECONDS) ? 1 : 0;
				holder.get(10, TimeUnit.SECONDS);
				assertFree(pool, 1);
			}
			System.out.printf("Synchronous #393 race: %d of %d waiters admitted, the rest timed out%n", admitted, RACES);
		});
	}

	/** Failsafe #393 for an asynchronous wait: its timeout fires as the slot is released. */
	@Test
	void asynchronousWaitTimingOutAsTheSlotFreesLosesNoSlot() {
		this.contextRunner.run((context) -> {
			RaceTarget target = context.getBean(RaceTarget.class);
			PermitPool pool = pool(context.getBean(BulkheadRegistry.class), "race.async");
			Random random = new Random(seed());
			int admitted = 0;
			for (int i = 0; i < RACES; i++) {
				CompletableFuture<String> held = new CompletableFuture<>();
				CompletableFuture<String> first = target.call(held);
				CompletableFuture<String> second = target.call(CompletableFuture.completedFuture("second"));
				CompletableFuture.delayedExecutor(800 + random.nextInt(400), TimeUnit.MICROSECONDS)
					.execute(() -> held.complete("first"));
				assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
				admitted += second.handle((value, failure) -> (failure == null) ? 1 : 0).get(10, TimeUnit.SECONDS);
				assertFree(pool, 1);
			}
			System.out.printf("Asynchronous #393 race: %d of %d waiters admitted, the rest timed out%n", admitted,
					RACES);
		});
	}

	/** A caller cancels its stage just as its queued call is admitted: the slot comes back. */
	@Test
	void cancellingAStageAsItIsAdmittedLosesNoSlot() {
		raceCancelAgainstAdmission((target) -> {
			CompletableFuture<String> waiter = target.queued(new CompletableFuture<>());
			return () -> waiter.cancel(true);
		});
	}

	/** A subscriber cancels just as its queued subscription is admitted: the slot comes back. */
	@Test
	void cancellingASubscriptionAsItIsAdmittedLosesNoSlot() {
		raceCancelAgainstAdmission((target) -> target.queuedMono(Mono.never()).subscribe()::dispose);
	}

	private void raceCancelAgainstAdmission(Function<RaceTarget, Runnable> queueAndCancel) {
		this.contextRunner.run((context) -> {
			RaceTarget target = context.getBean(RaceTarget.class);
			PermitPool pool = pool(context.getBean(BulkheadRegistry.class), "race.queued");
			long seed = seed();
			Random random = new Random(seed);
			for (int i = 0; i < CANCEL_RACES; i++) {
				CompletableFuture<String> held = new CompletableFuture<>();
				target.queued(held);
				Runnable cancel = queueAndCancel.apply(target);
				assertThat(pool.waiting()).isOne();
				CyclicBarrier start = new CyclicBarrier(2);
				CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
					arrive(start);
					held.complete("done");
				});
				arrive(start);
				for (int spin = random.nextInt(2_000); spin > 0; spin--) {
					Thread.onSpinWait();
				}
				cancel.run();
				release.get(10, TimeUnit.SECONDS);
				assertThat(pool.active()).as("seed %d, race %d: active", seed, i).isZero();
				assertThat(pool.waiting()).as("seed %d, race %d: waiting", seed, i).isZero();
			}
		});
	}

	private static void arrive(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void stress(long callsPerThread, Duration duration) {
		this.contextRunner.run((context) -> {
			long seed = seed();
			StressTarget target = context.getBean(StressTarget.class);
			BulkheadRegistry registry = context.getBean(BulkheadRegistry.class);
			Bulkhead sync = registry.get(StressTarget.SYNC);
			Bulkhead async = registry.get(StressTarget.ASYNC);
			StressRun run = new StressRun(target, sync, async, seed);
			long start = System.nanoTime();
			try {
				run.run(THREADS, callsPerThread, duration);
				for (Bulkhead bulkhead : new Bulkhead[] { sync, async }) {
					assertFree(bulkhead.pool(), bulkhead.pool().max());
				}
				assertThat(target.syncInFlight().count()).as("sync calls in flight at the end").isZero();
				assertThat(target.asyncInFlight().count()).as("async calls in flight at the end").isZero();
				assertThat(target.syncInFlight().violations()).as("sync limit exceeded").isEmpty();
				assertThat(target.asyncInFlight().violations()).as("async limit exceeded").isEmpty();
			}
			catch (Throwable ex) {
				throw new AssertionError("Stress run failed; replay with -Dcog.stress.seed=" + seed, ex);
			}
			finally {
				System.out.printf("Stress seed %d: %d calls on %d threads, %d resizes, %d ms%n", seed, run.calls(),
						THREADS, run.resizes(), (System.nanoTime() - start) / 1_000_000);
				run.outcomes().forEach((outcome, count) -> System.out.printf("  %-45s %d%n", outcome, count));
			}
		});
	}

	private static void assertFree(PermitPool pool, int max) {
		await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ofMillis(1))
			.until(() -> pool.active() == 0 && pool.waiting() == 0);
		assertThat(pool.available()).as("available").isEqualTo(max);
	}

	private static PermitPool pool(BulkheadRegistry registry, String name) {
		return registry.get(name).pool();
	}

	private static long seed() {
		String replay = System.getProperty("cog.stress.seed");
		return (replay != null) ? Long.parseLong(replay) : new Random().nextLong();
	}

	@Configuration(proxyBeanMethods = false)
	static class TargetConfiguration {

		@Bean
		StressTarget stressTarget() {
			return new StressTarget();
		}

		@Bean
		RaceTarget raceTarget() {
			return new RaceTarget();
		}

	}

	public static class RaceTarget {

		@Concurrent(name = "race.sync")
		public void hold(CompletableFuture<Void> entered, CompletableFuture<Void> gate) {
			entered.complete(null);
			gate.join();
		}

		@Concurrent(name = "race.async")
		public CompletableFuture<String> call(CompletableFuture<String> result) {
			return result;
		}

		@Concurrent(name = "race.queued")
		public CompletableFuture<String> queued(CompletableFuture<String> result) {
			return result;
		}

		@Concurrent(name = "race.queued")
		public Mono<String> queuedMono(Mono<String> result) {
			return result;
		}

	}

}
