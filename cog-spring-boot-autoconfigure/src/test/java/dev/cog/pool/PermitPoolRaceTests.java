package dev.cog.pool;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races at the pool itself that would lose a slot for good, each lined up round after round with
 * random spins so that the two sides meet.
 */
class PermitPoolRaceTests {

	private static final int ROUNDS = 50_000;

	private static final int CELL_ROUNDS = 20_000;

	/**
	 * Failsafe #393: a caller whose wait runs out just as a release hands it the slot must keep
	 * that slot. Each round lines a waiter with a wait of at most 3 microseconds up against a
	 * release after a random spin, so that the deadline and the hand-over meet.
	 */
	@Test
	void waitRunningOutAsTheSlotIsHandedOverLosesNoSlot() throws Exception {
		PermitPool pool = new PermitPool(1);
		long seed = new Random().nextLong();
		CyclicBarrier round = new CyclicBarrier(2);
		CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> {
			Random random = new Random(seed);
			int admitted = 0;
			for (int i = 0; i < ROUNDS; i++) {
				arrive(round);
				try {
					if (pool.acquire(1 + random.nextInt(3_000))) {
						admitted++;
						pool.release();
					}
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
				arrive(round);
			}
			return admitted;
		});
		Random random = new Random(seed + 1);
		for (int i = 0; i < ROUNDS; i++) {
			assertThat(pool.tryAcquire()).as("seed %d, round %d: the slot is free", seed, i).isTrue();
			arrive(round);
			spin(random.nextInt(2_000));
			pool.release();
			arrive(round);
		}
		int admitted = waiter.get(60, TimeUnit.SECONDS);
		System.out.printf("Pool #393 race: %d of %d waiters admitted, the rest timed out%n", admitted, ROUNDS);
		assertThat(pool.active()).as("seed %d: active", seed).isZero();
		assertThat(pool.waiting()).as("seed %d: waiting", seed).isZero();
		assertThat(pool.available()).as("seed %d: available", seed).isOne();
	}

	/**
	 * A release that puts its slot in a cell just as a caller queues, and so closes the cells,
	 * must still reach that caller: left in the closed cell, nobody would take it. The two
	 * threads meet at a spinning barrier, so that they leave it within a few hundred
	 * nanoseconds of each other and the random spins make the two calls overlap.
	 */
	@Test
	void slotPutInACellAsACallerQueuesReachesTheCaller() throws Exception {
		PermitPool pool = new PermitPool(1);
		long seed = new Random().nextLong();
		SpinBarrier round = new SpinBarrier();
		CompletableFuture<Void> releaser = CompletableFuture.runAsync(() -> {
			Random random = new Random(seed);
			for (int i = 0; i < CELL_ROUNDS; i++) {
				round.arrive();
				assertThat(pool.tryAcquire()).isTrue();
				round.arrive();
				spin(random.nextInt(20));
				pool.release();
				round.arrive();
			}
		}, (task) -> new Thread(task, "releaser").start());
		Random random = new Random(seed + 1);
		for (int i = 0; i < CELL_ROUNDS; i++) {
			pool.openCells();
			round.arrive();
			round.arrive();
			spin(random.nextInt(20));
			CompletableFuture<Void> admitted = new CompletableFuture<>();
			pool.enqueue(new Admission() {

				@Override
				public void admitted() {
					admitted.complete(null);
				}

				@Override
				public void timedOut() {
					admitted.completeExceptionally(new IllegalStateException("timed out"));
				}

			}, TimeUnit.MINUTES.toNanos(1));
			round.arrive();
			assertThat(admitted).as("seed %d, round %d: the queued caller gets the freed slot", seed, i)
				.succeedsWithin(Duration.ofSeconds(10));
			pool.release();
		}
		releaser.get(60, TimeUnit.SECONDS);
		assertThat(pool.active()).isZero();
		assertThat(pool.available()).isOne();
	}

	private static void spin(int times) {
		for (int spin = times; spin > 0; spin--) {
			Thread.onSpinWait();
		}
	}

	/** Two threads meet without parking; gives up after 10 seconds, as the other side has failed. */
	private static final class SpinBarrier {

		private final AtomicInteger arrived = new AtomicInteger();

		private volatile int generation;

		void arrive() {
			int current = this.generation;
			if (this.arrived.incrementAndGet() == 2) {
				this.arrived.set(0);
				this.generation = current + 1;
				return;
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (this.generation == current) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The other thread did not arrive");
				}
				Thread.onSpinWait();
			}
		}

	}

	private static void arrive(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
