package dev.cog.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Property-based test of {@link PermitPool}: random sequences of steps, each checked against a
 * model of slots and a first-come, first-served queue. Seeds are printed on failure; replay one
 * with {@code -Dcog.pool.seed=<seed>}.
 */
class PermitPoolPropertyTests {

	private static final int SEQUENCES = 300;

	private static final int STEPS = 60;

	private static final Duration STEP_LIMIT = Duration.ofSeconds(10);

	@Test
	void everyRandomSequenceMatchesTheModel() {
		String replay = System.getProperty("cog.pool.seed");
		long base = (replay != null) ? Long.parseLong(replay) : new Random().nextLong();
		int sequences = (replay != null) ? 1 : SEQUENCES;
		for (int i = 0; i < sequences; i++) {
			long seed = base + i;
			Run run = new Run(seed);
			try {
				run.play();
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError("Sequence failed; replay with -Dcog.pool.seed=" + seed + "\nsteps: "
						+ String.join(", ", run.trace), ex);
			}
			finally {
				run.stopThreads();
			}
		}
	}

	/** One random sequence against a fresh pool and its model. */
	private static final class Run {

		private final Random random;

		private final ManualScheduler scheduler = new ManualScheduler();

		private final List<String> trace = new ArrayList<>();

		private final List<Integer> admittedOrder = new ArrayList<>();

		private final List<Integer> expectedOrder = new ArrayList<>();

		private final Set<Integer> asyncIds = new HashSet<>();

		private final List<Thread> threads = new ArrayList<>();

		private final PermitPool pool;

		/** The model: the max, the slots in use, and the queue in arrival order. */
		private int max;

		private int active;

		private final Deque<Waiter> queue = new ArrayDeque<>();

		private final List<Waiter> asyncWaiters = new ArrayList<>();

		private final List<Waiter> parked = new ArrayList<>();

		private int nextId;

		Run(long seed) {
			this.random = new Random(seed);
			this.max = 1 + this.random.nextInt(4);
			this.pool = new PermitPool(this.max, this.scheduler);
		}

		void play() {
			for (int step = 0; step < STEPS; step++) {
				switch (this.random.nextInt(10)) {
					case 0, 1 -> tryAcquire();
					case 2, 3 -> release();
					case 4 -> enqueue();
					case 5 -> timeOutOrWithdraw();
					case 6 -> park();
					case 7 -> interruptOrTimedPark();
					case 8 -> openCells();
					default -> resize(1 + this.random.nextInt(5));
				}
				check();
			}
			drainAll();
		}

		private void tryAcquire() {
			boolean expected = this.queue.isEmpty() && this.active < this.max;
			this.trace.add("tryAcquire");
			assertThat(this.pool.tryAcquire()).as("tryAcquire").isEqualTo(expected);
			if (expected) {
				this.active++;
			}
		}

		/** What contention on a roomy pool does; the model does not see the cells. */
		private void openCells() {
			this.trace.add("openCells");
			this.pool.openCells();
		}

		private void release() {
			this.trace.add("release");
			if (this.active == 0) {
				assertThatIllegalStateException().isThrownBy(this.pool::release);
				return;
			}
			this.pool.release();
			this.active--;
			admitFromQueue();
		}

		private void enqueue() {
			Waiter waiter = new Waiter(this.nextId++, false);
			this.trace.add("enqueue#" + waiter.id);
			this.queue.add(waiter);
			this.asyncWaiters.add(waiter);
			this.asyncIds.add(waiter.id);
			admitFromQueue();
			int timers = this.scheduler.timers.size();
			waiter.ticket = this.pool.enqueue(new Admission() {

				@Override
				public void admitted() {
					assertThat(waiter.told.compareAndSet(false, true)).as("told once").isTrue();
					Run.this.admittedOrder.add(waiter.id);
				}

				@Override
				public void timedOut() {
					assertThat(waiter.told.compareAndSet(false, true)).as("told once").isTrue();
					waiter.timedOut = true;
				}

			}, 1_000_000);
			if (this.scheduler.timers.size() > timers) {
				waiter.timer = this.scheduler.timers.get(timers);
			}
		}

		private void timeOutOrWithdraw() {
			if (this.asyncWaiters.isEmpty()) {
				tryAcquire();
				return;
			}
			Waiter waiter = this.asyncWaiters.remove(this.random.nextInt(this.asyncWaiters.size()));
			boolean queued = this.queue.remove(waiter);
			if (this.random.nextBoolean()) {
				this.trace.add("timeout#" + waiter.id);
				if (waiter.timer != null && !waiter.timer.isCancelled()) {
					waiter.timer.run();
				}
				assertThat(waiter.timedOut).as("timed out").isEqualTo(queued);
			}
			else {
				this.trace.add("withdraw#" + waiter.id);
				assertThat(waiter.ticket.withdraw()).as("withdrawn").isEqualTo(queued);
				assertThat(waiter.told.get()).as("told after withdrawal").isEqualTo(!queued);
			}
		}

		private void park() {
			if (this.parked.size() >= 3) {
				release();
				return;
			}
			Waiter waiter = new Waiter(this.nextId++, true);
			this.trace.add("park#" + waiter.id);
			boolean immediate = this.queue.isEmpty() && this.active < this.max;
			int waitingBefore = this.pool.waiting();
			waiter.result = new CompletableFuture<>();
			start(waiter, 60_000_000_000L);
			if (immediate) {
				this.active++;
				this.expectedOrder.add(waiter.id);
				assertThat(waiter.result).succeedsWithin(STEP_LIMIT).isEqualTo(true);
				this.admittedOrder.add(waiter.id);
				return;
			}
			this.queue.add(waiter);
			this.parked.add(waiter);
			await().atMost(STEP_LIMIT)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(1))
				.until(() -> this.pool.waiting() == waitingBefore + 1);
		}

		private void interruptOrTimedPark() {
			if (!this.parked.isEmpty()) {
				Waiter waiter = this.parked.remove(this.random.nextInt(this.parked.size()));
				this.trace.add("interrupt#" + waiter.id);
				assertThat(this.queue.remove(waiter)).isTrue();
				waiter.thread.interrupt();
				assertThat(waiter.result).failsWithin(STEP_LIMIT)
					.withThrowableThat()
					.havingCause()
					.isInstanceOf(InterruptedException.class);
				return;
			}
			Waiter waiter = new Waiter(this.nextId++, true);
			this.trace.add("timedPark#" + waiter.id);
			boolean expected = this.queue.isEmpty() && this.active < this.max;
			waiter.result = new CompletableFuture<>();
			start(waiter, 1_000_000);
			assertThat(waiter.result).succeedsWithin(STEP_LIMIT).isEqualTo(expected);
			if (expected) {
				this.active++;
				this.expectedOrder.add(waiter.id);
				this.admittedOrder.add(waiter.id);
			}
		}

		private void resize(int newMax) {
			this.trace.add("resize(" + newMax + ")");
			this.pool.resize(newMax);
			this.max = newMax;
			admitFromQueue();
		}

		/** The model admits the oldest waiters while slots are free. */
		private void admitFromQueue() {
			while (!this.queue.isEmpty() && this.active < this.max) {
				Waiter waiter = this.queue.poll();
				this.active++;
				this.expectedOrder.add(waiter.id);
				if (waiter.parkedThread) {
					this.parked.remove(waiter);
					assertThat(waiter.result).succeedsWithin(STEP_LIMIT).isEqualTo(true);
					this.admittedOrder.add(waiter.id);
				}
			}
		}

		private void start(Waiter waiter, long timeoutNanos) {
			waiter.thread = new Thread(() -> {
				try {
					waiter.result.complete(this.pool.acquire(timeoutNanos));
				}
				catch (Throwable ex) {
					waiter.result.completeExceptionally(ex);
				}
			}, "parked-" + waiter.id);
			this.threads.add(waiter.thread);
			waiter.thread.start();
		}

		private void check() {
			assertThat(this.pool.max()).as("max").isEqualTo(this.max);
			assertThat(this.pool.active()).as("active").isEqualTo(this.active);
			assertThat(this.pool.waiting()).as("waiting").isEqualTo(this.queue.size());
			assertThat(this.pool.available()).as("available").isEqualTo(Math.max(0, this.max - this.active));
			if (!this.queue.isEmpty()) {
				assertThat(this.pool.available()).as("a free slot while callers wait is lost").isZero();
			}
			// Within one step a parked thread reports its admission after the step: compare who
			// was admitted, and the order among the callbacks, which are told synchronously.
			assertThat(this.admittedOrder).as("admitted: the oldest waiters")
				.containsExactlyInAnyOrderElementsOf(this.expectedOrder);
			assertThat(this.admittedOrder).filteredOn(this.asyncIds::contains)
				.as("callbacks admitted in arrival order")
				.containsExactlyElementsOf(this.expectedOrder.stream().filter(this.asyncIds::contains).toList());
		}

		/** Let every waiter go and free every slot: the pool ends where it started. */
		private void drainAll() {
			this.trace.add("drain");
			for (Waiter waiter : List.copyOf(this.parked)) {
				this.parked.remove(waiter);
				this.queue.remove(waiter);
				waiter.thread.interrupt();
				assertThat(waiter.result).failsWithin(STEP_LIMIT);
			}
			for (Waiter waiter : this.asyncWaiters) {
				if (this.queue.remove(waiter)) {
					assertThat(waiter.ticket.withdraw()).isTrue();
				}
			}
			while (this.active > 0) {
				this.pool.release();
				this.active--;
			}
			check();
			assertThat(this.pool.active()).isZero();
			assertThat(this.pool.waiting()).isZero();
			assertThat(this.pool.available()).isEqualTo(this.pool.max());
		}

		void stopThreads() {
			this.threads.forEach(Thread::interrupt);
			this.scheduler.shutdownNow();
		}

	}

	private static final class Waiter {

		final int id;

		final boolean parkedThread;

		final AtomicBoolean told = new AtomicBoolean();

		volatile boolean timedOut;

		Ticket ticket;

		Timer timer;

		Thread thread;

		CompletableFuture<Boolean> result;

		Waiter(int id, boolean parkedThread) {
			this.id = id;
			this.parkedThread = parkedThread;
		}

	}

	/** A scheduler whose timeouts fire only when the test says so. */
	private static final class ManualScheduler extends ScheduledThreadPoolExecutor {

		private final List<Timer> timers = new ArrayList<>();

		ManualScheduler() {
			super(1);
		}

		@Override
		public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
			Timer timer = new Timer(command);
			this.timers.add(timer);
			return timer;
		}

	}

	private static final class Timer extends FutureTask<Void> implements ScheduledFuture<Void> {

		Timer(Runnable command) {
			super(command, null);
		}

		@Override
		public long getDelay(TimeUnit unit) {
			return 0;
		}

		@Override
		public int compareTo(Delayed other) {
			return 0;
		}

	}

}
