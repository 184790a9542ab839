package dev.cog.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link PermitPool} with its cells open, as contention opens them: a slot in a cell is free to
 * every caller, counts in the pool's numbers, and goes back to the pool whenever it must be
 * exact.
 */
class PermitPoolCellsTests {

	private static final int CALLS_PER_THREAD = 200_000;

	@Test
	void aSlotInAnotherThreadsCellIsTakenBeforeACallIsTurnedAway() throws Exception {
		PermitPool pool = new PermitPool(2);
		pool.openCells();
		takeAndFreeOnAnotherThread(pool, 1);
		assertCounts(pool, 0, 2);
		assertThat(pool.tryAcquire()).isTrue();
		assertThat(pool.tryAcquire()).as("the slot left in the other thread's cell").isTrue();
		assertThat(pool.tryAcquire()).isFalse();
		assertCounts(pool, 2, 0);
		pool.release();
		pool.release();
		assertCounts(pool, 0, 2);
	}

	@Test
	void aCallerThatQueuesGetsASlotLeftInACell() throws Exception {
		PermitPool pool = new PermitPool(2);
		pool.openCells();
		assertThat(pool.tryAcquire()).isTrue();
		takeAndFreeOnAnotherThread(pool, 1);
		AtomicBoolean admitted = new AtomicBoolean();
		pool.enqueue(new Admission() {

			@Override
			public void admitted() {
				admitted.set(true);
			}

			@Override
			public void timedOut() {
			}

		}, TimeUnit.MINUTES.toNanos(1));
		assertThat(admitted).as("admitted at once").isTrue();
		assertThat(pool.waiting()).isZero();
		assertCounts(pool, 2, 0);
	}

	@Test
	void shrinkingCountsTheSlotsInCells() throws Exception {
		PermitPool pool = new PermitPool(4);
		pool.openCells();
		takeAndFreeOnAnotherThread(pool, 3);
		pool.resize(2);
		assertThat(pool.tryAcquire()).isTrue();
		assertThat(pool.tryAcquire()).isTrue();
		assertThat(pool.tryAcquire()).as("a third slot after shrinking to 2").isFalse();
		assertCounts(pool, 2, 0);
	}

	@Test
	void aSecondReleaseIsCaughtWhenTheFreeSlotsAreInACell() {
		PermitPool pool = new PermitPool(2);
		pool.openCells();
		assertThat(pool.tryAcquire()).isTrue();
		pool.release();
		assertThatIllegalStateException().isThrownBy(pool::release).withMessageContaining("released twice");
		assertCounts(pool, 0, 2);
	}

	@Test
	void threadsWithASlotEachAreNeverTurnedAwayWhileTheCellsOpenAndClose() throws Exception {
		int threads = 4;
		PermitPool pool = new PermitPool(threads);
		AtomicInteger turnedAway = new AtomicInteger();
		hammer(pool, threads, () -> {
			if (pool.tryAcquire()) {
				pool.release();
			}
			else {
				turnedAway.incrementAndGet();
			}
		});
		assertThat(turnedAway).as("calls turned away from a pool with a slot per thread").hasValue(0);
		assertCounts(pool, 0, threads);
	}

	@Test
	void threadsNeverHoldMoreThanMaxWhileTheCellsOpenAndClose() throws Exception {
		int max = 2;
		PermitPool pool = new PermitPool(max);
		AtomicInteger holding = new AtomicInteger();
		AtomicInteger mostHeld = new AtomicInteger();
		hammer(pool, 4, () -> {
			if (pool.tryAcquire()) {
				mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
				holding.decrementAndGet();
				pool.release();
			}
		});
		assertThat(mostHeld).hasValueLessThanOrEqualTo(max);
		assertCounts(pool, 0, max);
	}

	/**
	 * Run {@code call} on several threads while another opens the cells and closes them, the
	 * way contention opens them and a resize closes them.
	 */
	private static void hammer(PermitPool pool, int threads, Runnable call) throws Exception {
		CyclicBarrier start = new CyclicBarrier(threads + 1);
		List<CompletableFuture<Void>> callers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			CompletableFuture<Void> done = new CompletableFuture<>();
			Thread thread = new Thread(() -> {
				try {
					start.await();
					for (int i = 0; i < CALLS_PER_THREAD; i++) {
						call.run();
					}
					done.complete(null);
				}
				catch (Throwable ex) {
					done.completeExceptionally(ex);
				}
			}, "caller-" + t);
			thread.start();
			callers.add(done);
		}
		CompletableFuture<Void> all = CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new));
		start.await();
		int max = pool.max();
		int toggles = 0;
		while (!all.isDone()) {
			pool.openCells();
			Thread.onSpinWait();
			pool.resize(max);
			toggles++;
		}
		all.get(1, TimeUnit.MINUTES);
		assertThat(toggles).as("the cells opened and closed while the threads called").isPositive();
	}

	/** Take {@code slots} slots on a new thread and free them there, into its cell. */
	private static void takeAndFreeOnAnotherThread(PermitPool pool, int slots) throws Exception {
		CompletableFuture<Void> done = new CompletableFuture<>();
		new Thread(() -> {
			try {
				for (int i = 0; i < slots; i++) {
					assertThat(pool.tryAcquire()).isTrue();
				}
				for (int i = 0; i < slots; i++) {
					pool.release();
				}
				done.complete(null);
			}
			catch (Throwable ex) {
				done.completeExceptionally(ex);
			}
		}).start();
		done.get(1, TimeUnit.MINUTES);
	}

	private static void assertCounts(PermitPool pool, int active, int available) {
		assertThat(pool.active()).as("active").isEqualTo(active);
		assertThat(pool.available()).as("available").isEqualTo(available);
	}

}
