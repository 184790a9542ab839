package dev.cog.pool;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failsafe #393 at the pool itself: a caller whose wait runs out just as a release hands it the
 * slot must keep that slot, or the pool loses it for good. Each round lines a waiter with a wait
 * of at most 3 microseconds up against a release after a random spin, so that the deadline and
 * the hand-over meet.
 */
class PermitPoolRaceTests {

	private static final int ROUNDS = 50_000;

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
			for (int spin = random.nextInt(2_000); spin > 0; spin--) {
				Thread.onSpinWait();
			}
			pool.release();
			arrive(round);
		}
		int admitted = waiter.get(60, TimeUnit.SECONDS);
		System.out.printf("Pool #393 race: %d of %d waiters admitted, the rest timed out%n", admitted, ROUNDS);
		assertThat(pool.active()).as("seed %d: active", seed).isZero();
		assertThat(pool.waiting()).as("seed %d: waiting", seed).isZero();
		assertThat(pool.available()).as("seed %d: available", seed).isOne();
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
