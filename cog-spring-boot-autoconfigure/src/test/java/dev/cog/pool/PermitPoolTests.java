package dev.cog.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PermitPool}.
 */
class PermitPoolTests {

	private static final long LONG_WAIT = TimeUnit.SECONDS.toNanos(30);

	private final ScheduledExecutorService timeouts = new ScheduledThreadPoolExecutor(1);

	@AfterEach
	void shutDown() {
		this.timeouts.shutdownNow();
	}

	@Test
	void takesUpToMaxSlotsThenRefuses() {
		PermitPool pool = new PermitPool(2, this.timeouts);
		assertThat(pool.tryAcquire()).isTrue();
		assertThat(pool.tryAcquire()).isTrue();
		assertThat(pool.tryAcquire()).isFalse();
		assertCounts(pool, 2, 2, 0, 0);
		pool.release();
		assertCounts(pool, 2, 1, 1, 0);
		assertThat(pool.tryAcquire()).isTrue();
	}

	@Test
	void refusesAMaxBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PermitPool(0, this.timeouts))
			.withMessage("A pool needs at least 1 slot, but max is 0");
		PermitPool pool = new PermitPool(1, this.timeouts);
		assertThatIllegalArgumentException().isThrownBy(() -> pool.resize(-1));
		assertThat(pool.max()).isEqualTo(1);
	}

	@Test
	void refusesAReleaseWithoutAnAcquire() {
		PermitPool pool = new PermitPool(1, this.timeouts);
		assertThatIllegalStateException().isThrownBy(pool::release)
			.withMessageContaining("released twice");
		assertCounts(pool, 1, 0, 1, 0);
	}

	@Test
	void blockingAcquireWithoutTimeoutDoesNotWait() throws InterruptedException {
		PermitPool pool = new PermitPool(1, this.timeouts);
		pool.tryAcquire();
		assertThat(pool.acquire(0)).isFalse();
		assertThat(pool.waiting()).isZero();
	}

	@Test
	void blockingAcquireGetsTheSlotThatFrees() throws Exception {
		PermitPool pool = new PermitPool(1, this.timeouts);
		pool.tryAcquire();
		CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> acquire(pool, LONG_WAIT),
				this.timeouts);
		await().until(() -> pool.waiting() == 1);
		assertThat(waiter).isNotDone();
		pool.release();
		assertThat(waiter.get(30, TimeUnit.SECONDS)).isTrue();
		assertCounts(pool, 1, 1, 0, 0);
	}

	@Test
	void blockingAcquireTimesOutHoldingNothing() throws InterruptedException {
		PermitPool pool = new PermitPool(1, this.timeouts);
		pool.tryAcquire();
		assertThat(pool.acquire(TimeUnit.MILLISECONDS.toNanos(20))).isFalse();
		assertCounts(pool, 1, 1, 0, 0);
		pool.release();
		assertCounts(pool, 1, 0, 1, 0);
	}

	@Test
	void interruptedWaiterLeavesTheQueueHoldingNothing() throws Exception {
		PermitPool pool = new PermitPool(1, this.timeouts);
		pool.tryAcquire();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread waiter = new Thread(() -> {
			try {
				pool.acquire(LONG_WAIT);
			}
			catch (InterruptedException ex) {
				failure.set(ex);
			}
		});
		waiter.start();
		await().until(() -> pool.waiting() == 1);
		waiter.interrupt();
		waiter.join(TimeUnit.SECONDS.toMillis(30));
		assertThat(failure.get()).isInstanceOf(InterruptedException.class);
		assertCounts(pool, 1, 1, 0, 0);
		pool.release();
		assertCounts(pool, 1, 0, 1, 0);
	}

	@Test
	void alreadyInterruptedCallerDoesNotQueue() {
		PermitPool pool = new PermitPool(1, this.timeouts);
		pool.tryAcquire();
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(() -> pool.acquire(LONG_WAIT));
		assertThat(pool.waiting()).isZero();
	}

	@Test
	void waitersAreAdmittedFirstComeFirstServed() {
		PermitPool pool = new PermitPool(1, this.timeouts);
		pool.tryAcquire();
		List<Integer> admitted = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			int id = i;
			pool.enqueue(admission(() -> admitted.add(id), () -> {
			}), LONG_WAIT);
		}
		assertThat(pool.waiting()).isEqualTo(5);
		for (int i = 0; i < 5; i++) {
			pool.release();
		}
		assertThat(admitted).containsExactly(0, 1, 2, 3, 4);
		assertCounts(pool, 1, 1, 0, 0);
	}

	@Test
	void newcomersDoNotOvertakeTheQueue() {
		PermitPool pool = new PermitPool(2, this.timeouts);
		pool.tryAcquire();
		pool.tryAcquire();
		AtomicBoolean admitted = new AtomicBoolean();
		pool.enqueue(admission(() -> admitted.set(true), () -> {
		}), LONG_WAIT);
		pool.release();
		assertThat(admitted).isTrue();
		assertThat(pool.tryAcquire()).isFalse();
	}

	@Test
	void asyncWaiterTimesOutHoldingNothing() {
		PermitPool pool = new PermitPool(1, this.timeouts);
		pool.tryAcquire();
		CountDownLatch timedOut = new CountDownLatch(1);
		pool.enqueue(admission(() -> {
			throw new AssertionError("admitted");
		}, timedOut::countDown), TimeUnit.MILLISECONDS.toNanos(10));
		await().until(() -> timedOut.getCount() == 0);
		assertCounts(pool, 1, 1, 0, 0);
	}

	@Test
	void withdrawnWaiterIsNeverAdmitted() {
		PermitPool pool = new PermitPool(1, this.timeouts);
		pool.tryAcquire();
		AtomicBoolean admitted = new AtomicBoolean();
		Ticket ticket = pool.enqueue(admission(() -> admitted.set(true), () -> {
		}), LONG_WAIT);
		assertThat(ticket.withdraw()).isTrue();
		assertThat(ticket.withdraw()).isFalse();
		pool.release();
		assertThat(admitted).isFalse();
		assertCounts(pool, 1, 0, 1, 0);
	}

	@Test
	void withdrawAfterAdmissionReportsTheSlotIsHeld() {
		PermitPool pool = new PermitPool(1, this.timeouts);
		pool.tryAcquire();
		Ticket ticket = pool.enqueue(admission(() -> {
		}, () -> {
		}), LONG_WAIT);
		pool.release();
		assertThat(ticket.withdraw()).isFalse();
		assertCounts(pool, 1, 1, 0, 0);
	}

	@Test
	void aQueueOfQuickCallsDrainsWithoutRecursion() {
		PermitPool pool = new PermitPool(1, this.timeouts);
		pool.tryAcquire();
		int waiters = 50_000;
		int[] ran = new int[1];
		for (int i = 0; i < waiters; i++) {
			pool.enqueue(admission(() -> {
				ran[0]++;
				pool.release();
			}, () -> {
			}), LONG_WAIT);
		}
		pool.release();
		assertThat(ran[0]).isEqualTo(waiters);
		assertCounts(pool, 1, 0, 1, 0);
	}

	@Test
	void growingAdmitsWaitersAtOnce() {
		PermitPool pool = new PermitPool(1, this.timeouts);
		pool.tryAcquire();
		int[] admitted = new int[1];
		for (int i = 0; i < 3; i++) {
			pool.enqueue(admission(() -> admitted[0]++, () -> {
			}), LONG_WAIT);
		}
		pool.resize(3);
		assertThat(admitted[0]).isEqualTo(2);
		assertCounts(pool, 3, 3, 0, 1);
	}

	@Test
	void shrinkingLetsCallsInFlightFinishAndAdmitsOnlyBelowTheNewMax() {
		PermitPool pool = new PermitPool(3, this.timeouts);
		pool.tryAcquire();
		pool.tryAcquire();
		pool.tryAcquire();
		pool.resize(1);
		assertCounts(pool, 1, 3, 0, 0);
		assertThat(pool.tryAcquire()).isFalse();
		pool.release();
		assertThat(pool.tryAcquire()).isFalse();
		pool.release();
		assertThat(pool.tryAcquire()).isFalse();
		pool.release();
		assertThat(pool.tryAcquire()).isTrue();
		assertCounts(pool, 1, 1, 0, 0);
	}

	@Test
	void sharedTimeoutsUseOneDaemonThread() {
		PermitPool pool = new PermitPool(1);
		pool.tryAcquire();
		CountDownLatch timedOut = new CountDownLatch(2);
		for (int i = 0; i < 2; i++) {
			pool.enqueue(admission(() -> {
			}, timedOut::countDown), Duration.ofMillis(5).toNanos());
		}
		await().until(() -> timedOut.getCount() == 0);
		assertThat(Thread.getAllStackTraces().keySet())
			.filteredOn((thread) -> thread.getName().equals("cog-concurrency-timeouts"))
			.singleElement()
			.satisfies((thread) -> assertThat(thread.isDaemon()).isTrue());
	}

	private static boolean acquire(PermitPool pool, long timeoutNanos) {
		try {
			return pool.acquire(timeoutNanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static Admission admission(Runnable admitted, Runnable timedOut) {
		return new Admission() {

			@Override
			public void admitted() {
				admitted.run();
			}

			@Override
			public void timedOut() {
				timedOut.run();
			}

		};
	}

	private static void assertCounts(PermitPool pool, int max, int active, int available, int waiting) {
		assertThat(pool.max()).as("max").isEqualTo(max);
		assertThat(pool.active()).as("active").isEqualTo(active);
		assertThat(pool.available()).as("available").isEqualTo(available);
		assertThat(pool.waiting()).as("waiting").isEqualTo(waiting);
	}

}
