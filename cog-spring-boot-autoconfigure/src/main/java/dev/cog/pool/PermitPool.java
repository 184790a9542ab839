package dev.cog.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * A resizable pool of slots with first-come, first-served waiting.
 *
 * <p>Taking a free slot is one compare-and-set on a word that holds both the max and the number
 * of slots taken, so the two are always read consistently. When threads on several cores contend
 * for a pool with most of its slots free, the word would pass between the cores on every call;
 * the pool then keeps free slots in {@link SlotCells cells}, one per few threads, and a call
 * touches only its own cell. The cells close, and give their slots back, whenever the pool must
 * be exact: before a call is turned away or queued, and on a resize.
 *
 * <p>Callers that cannot have a slot at once may queue: a blocking caller parks its thread; an
 * asynchronous caller leaves an {@link Admission}, a callback, and no thread waits for it. A
 * freed slot is handed to the oldest waiter; newcomers never overtake a queue.
 *
 * <p>The pool never loses a slot: a waiter that gives up at the moment it is admitted keeps the
 * slot it was handed and the caller decides whether to use or release it; every hand-over happens
 * under one lock, so a slot is admitted to at most one waiter.
 */
public final class PermitPool {

	private static final VarHandle STATE;

	/** How many contended updates with most slots free open the cells; see {@link #contended}. */
	private static final int ROOMY_CONTENTION_TO_OPEN_CELLS = 64;

	static {
		try {
			STATE = MethodHandles.lookup().findVarHandle(PermitPool.class, "state", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	/** The max in the high 32 bits; in the low 32 bits the slots taken: in use or in a cell. */
	@SuppressWarnings("unused")
	private volatile long state;

	/** How many waiters are queued; written under {@link #lock}. */
	private volatile int waiting;

	/** Made the first time threads contend for a pool with most of its slots free. */
	private volatile @Nullable SlotCells cells;

	/**
	 * Contended updates of the count that found most slots free, since a call last found none
	 * free. Counted without synchronization: it only decides when the cells are worth opening.
	 */
	private int roomyContention;

	private final ReentrantLock lock = new ReentrantLock();

	private final ThreadLocal<Boolean> draining = new ThreadLocal<>();

	private final ScheduledExecutorService timeouts;

	private @Nullable Waiter head;

	private @Nullable Waiter tail;

	/**
	 * Create a pool of {@code max} slots whose asynchronous waits time out on a shared daemon
	 * thread.
	 * @param max the number of slots, at least 1
	 */
	public PermitPool(int max) {
		this(max, SharedTimeouts.get());
	}

	/**
	 * Create a pool of {@code max} slots whose asynchronous waits time out on the given
	 * scheduler.
	 * @param max the number of slots, at least 1
	 * @param timeouts the scheduler that ends asynchronous waits
	 */
	public PermitPool(int max, ScheduledExecutorService timeouts) {
		checkMax(max);
		this.state = pack(max, 0);
		this.timeouts = timeouts;
	}

	/**
	 * Take a slot if one is free and nobody is queued for it.
	 * @return whether the caller now holds a slot
	 */
	public boolean tryAcquire() {
		if (this.waiting != 0) {
			return false;
		}
		SlotCells cells = this.cells;
		if ((cells != null) ? tryTake(cells) : (tryTake() || tryTakeFromNewCells())) {
			return true;
		}
		if (this.roomyContention != 0) {
			this.roomyContention = 0;
		}
		return false;
	}

	/**
	 * Take a slot, parking the calling thread up to {@code timeoutNanos} for one to free.
	 * @param timeoutNanos how long to wait at most; 0 or less does not wait
	 * @return whether the caller now holds a slot
	 * @throws InterruptedException if the thread is interrupted while waiting; it then holds no
	 * slot
	 */
	public boolean acquire(long timeoutNanos) throws InterruptedException {
		if (tryAcquire()) {
			return true;
		}
		if (timeoutNanos <= 0) {
			return false;
		}
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		ParkedWaiter waiter = new ParkedWaiter(Thread.currentThread());
		enqueue(waiter);
		long deadline = System.nanoTime() + timeoutNanos;
		boolean interrupted = false;
		while (!waiter.admitted) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				break;
			}
			LockSupport.parkNanos(this, remaining);
			if (Thread.interrupted()) {
				interrupted = true;
				break;
			}
		}
		boolean holds = waiter.admitted || !leave(waiter);
		if (interrupted) {
			if (holds) {
				release();
			}
			throw new InterruptedException();
		}
		return holds;
	}

	/**
	 * Queue an asynchronous caller for a slot without blocking. The admission is told on the
	 * thread that frees the slot (or on this thread, when one is free by now), or, after
	 * {@code timeoutNanos}, that it timed out.
	 * @param admission what to tell
	 * @param timeoutNanos how long the caller may wait, more than 0
	 * @return a ticket that withdraws the caller from the queue
	 */
	public Ticket enqueue(Admission admission, long timeoutNanos) {
		AsyncWaiter waiter = new AsyncWaiter(admission);
		enqueue(waiter);
		if (waiter.pending) {
			waiter.timeout = this.timeouts.schedule(waiter, timeoutNanos, TimeUnit.NANOSECONDS);
		}
		return waiter;
	}

	/**
	 * Free a slot taken by {@link #tryAcquire()}, {@link #acquire(long)} or an admission,
	 * handing it to the oldest waiter if there is one. Release each slot once: a second release
	 * is caught when no slot is in use, but with the cells open one that races other calls may
	 * go unseen and leave the pool a slot over its max.
	 * @throws IllegalStateException if no slot is in use
	 */
	public void release() {
		SlotCells cells = this.cells;
		if (cells == null || !putInCell(cells)) {
			giveBack();
		}
	}

	/**
	 * Change the number of slots. Growing admits waiters at once; shrinking lets the calls that
	 * hold a slot finish and admits new ones only below the new max.
	 * @param max the new number of slots, at least 1
	 */
	public void resize(int max) {
		checkMax(max);
		this.lock.lock();
		try {
			// A slot left in a cell would still count against the old max.
			closeCells();
			long current;
			do {
				current = this.state;
			}
			while (!STATE.compareAndSet(this, current, pack(max, taken(current))));
		}
		finally {
			this.lock.unlock();
		}
		drain();
	}

	/**
	 * Return the number of slots.
	 * @return the max
	 */
	public int max() {
		return max(this.state);
	}

	/**
	 * Return the number of slots in use; above {@link #max()} only after a shrink, until the
	 * calls in flight finish.
	 * @return the slots in use
	 */
	public int active() {
		return active(this.state);
	}

	/**
	 * Return the number of free slots.
	 * @return the free slots, never negative
	 */
	public int available() {
		long current = this.state;
		return Math.max(0, max(current) - active(current));
	}

	private int active(long state) {
		SlotCells cells = this.cells;
		long inCells = (cells != null) ? cells.count() : 0;
		return (int) Math.max(0, taken(state) - inCells);
	}

	/**
	 * Return the number of callers queued for a slot.
	 * @return the waiters
	 */
	public int waiting() {
		return this.waiting;
	}

	/** Take a slot from the pool's count; the cells are not looked at. */
	private boolean tryTake() {
		long current = this.state;
		while (taken(current) < max(current)) {
			long witness = (long) STATE.compareAndExchange(this, current, current + 1);
			if (witness == current) {
				return true;
			}
			contended(witness);
			current = witness;
		}
		return false;
	}

	/** The cells may have been made while this call looked at the count, and hold the free slots. */
	private boolean tryTakeFromNewCells() {
		SlotCells cells = this.cells;
		return cells != null && tryTake(cells);
	}

	private boolean tryTake(SlotCells cells) {
		int cell = cells.cell();
		if (cells.take(cell)) {
			return true;
		}
		int epoch = cells.epoch();
		if (tryTake() || cells.takeAny(cell)) {
			return true;
		}
		if (SlotCells.isClosed(epoch) && cells.epoch() == epoch) {
			// Closed all along: every slot given back since is in the pool's count, and it is full.
			return false;
		}
		// Open: a slot may have gone into a cell this call had already looked at.
		this.lock.lock();
		try {
			closeCells();
			return this.waiting == 0 && tryTake();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Put a freed slot in the calling thread's cell while the cells are open.
	 * @return whether the slot is in a cell, or was taken from it by another caller; if not, the
	 * caller gives it back to the pool's count
	 */
	private boolean putInCell(SlotCells cells) {
		if (!SlotCells.isOpen(cells.epoch())) {
			return false;
		}
		int cell = cells.cell();
		long free;
		do {
			free = cells.get(cell);
			long current = this.state;
			if (taken(current) > max(current)) {
				// Over the max since a shrink: this slot is not to be used again.
				return false;
			}
			if (free >= taken(current)) {
				// More free slots than slots taken: a release with no slot in use, unless this
				// look raced other calls. With the cells emptied, the pool's count tells.
				this.lock.lock();
				try {
					closeCells();
				}
				finally {
					this.lock.unlock();
				}
				return false;
			}
		}
		while (!cells.add(cell, free));
		// Closed meanwhile: the closing may have missed this slot, so take one back for the pool.
		return SlotCells.isOpen(cells.epoch()) || !cells.take(cell);
	}

	private void giveBack() {
		long current = this.state;
		while (true) {
			if (taken(current) == 0) {
				throw new IllegalStateException("No slot is in use: a slot was released twice");
			}
			long witness = (long) STATE.compareAndExchange(this, current, current - 1);
			if (witness == current) {
				break;
			}
			contended(witness);
			current = witness;
		}
		if (this.waiting != 0) {
			drain();
		}
	}

	/**
	 * Another thread changed the pool's count between this one's read and its write. When that
	 * keeps happening with most slots free and no call finding the pool full, threads are passing
	 * the count between cores rather than waiting for slots, so open the cells. A pool that is
	 * full now and then would only close them again at every call it turns away.
	 */
	private void contended(long witness) {
		int free = max(witness) - taken(witness);
		if (free >= 2 && free >= max(witness) / 2 && ++this.roomyContention >= ROOMY_CONTENTION_TO_OPEN_CELLS
				&& this.waiting == 0 && !this.lock.isHeldByCurrentThread()) {
			openCells();
		}
	}

	/** Open the cells, making them the first time, unless callers wait or the lock is busy. */
	void openCells() {
		SlotCells cells = this.cells;
		if ((cells != null && !SlotCells.isClosed(cells.epoch())) || !this.lock.tryLock()) {
			return;
		}
		try {
			if (this.waiting != 0) {
				return;
			}
			if (this.cells == null) {
				this.cells = new SlotCells();
			}
			else {
				this.cells.open();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Close the cells and count their slots free in the pool; under {@link #lock}. */
	private void closeCells() {
		SlotCells cells = this.cells;
		if (cells == null) {
			return;
		}
		long emptied = cells.closeAndEmpty();
		if (emptied != 0) {
			long current;
			do {
				current = this.state;
			}
			// Never below 0, which only a second release of one slot that went into a cell unseen
			// could cause.
			while (!STATE.compareAndSet(this, current, pack(max(current), (int) Math.max(0, taken(current) - emptied))));
		}
		cells.finishClosing();
	}

	private void enqueue(Waiter waiter) {
		this.lock.lock();
		try {
			if (this.tail == null) {
				this.head = waiter;
			}
			else {
				this.tail.next = waiter;
				waiter.prev = this.tail;
			}
			this.tail = waiter;
			this.waiting++;
			// The cells close while anyone waits: every freed slot goes to the oldest waiter.
			closeCells();
		}
		finally {
			this.lock.unlock();
		}
		// A slot may have freed between the caller's failed attempt and the queueing.
		drain();
	}

	/**
	 * Remove a waiter that gives up.
	 * @return {@code true} if it was still queued; {@code false} if it was admitted, and so
	 * holds a slot, or had already left
	 */
	private boolean leave(Waiter waiter) {
		this.lock.lock();
		try {
			if (!waiter.pending) {
				return false;
			}
			unlink(waiter);
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Hand free slots to waiters, oldest first. Admissions run outside the lock; one that frees
	 * its slot at once on this thread is picked up by this loop rather than by recursion, so a
	 * long queue of quick calls cannot overflow the stack.
	 */
	private void drain() {
		if (this.draining.get() != null) {
			return;
		}
		this.draining.set(Boolean.TRUE);
		try {
			Waiter admitted;
			while ((admitted = admitOldest()) != null) {
				admitted.admit();
			}
		}
		finally {
			this.draining.remove();
		}
	}

	private @Nullable Waiter admitOldest() {
		this.lock.lock();
		try {
			Waiter oldest = this.head;
			if (oldest == null || !tryTake()) {
				return null;
			}
			unlink(oldest);
			return oldest;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void unlink(Waiter waiter) {
		if (waiter.prev == null) {
			this.head = waiter.next;
		}
		else {
			waiter.prev.next = waiter.next;
		}
		if (waiter.next == null) {
			this.tail = waiter.prev;
		}
		else {
			waiter.next.prev = waiter.prev;
		}
		waiter.prev = null;
		waiter.next = null;
		waiter.pending = false;
		this.waiting--;
	}

	private static void checkMax(int max) {
		if (max < 1) {
			throw new IllegalArgumentException("A pool needs at least 1 slot, but max is " + max);
		}
	}

	private static long pack(int max, int active) {
		return ((long) max << 32) | (active & 0xFFFFFFFFL);
	}

	private static int max(long state) {
		return (int) (state >>> 32);
	}

	private static int taken(long state) {
		return (int) state;
	}

	/** A queued caller; its links and {@code pending} are guarded by the pool's lock. */
	private abstract static class Waiter {

		@Nullable Waiter prev;

		@Nullable Waiter next;

		volatile boolean pending = true;

		/** Tell the caller it holds a slot now; runs outside the lock. */
		abstract void admit();

	}

	private static final class ParkedWaiter extends Waiter {

		private final Thread thread;

		volatile boolean admitted;

		ParkedWaiter(Thread thread) {
			this.thread = thread;
		}

		@Override
		void admit() {
			this.admitted = true;
			LockSupport.unpark(this.thread);
		}

	}

	private final class AsyncWaiter extends Waiter implements Ticket, Runnable {

		private final Admission admission;

		volatile @Nullable Future<?> timeout;

		AsyncWaiter(Admission admission) {
			this.admission = admission;
		}

		@Override
		void admit() {
			Future<?> scheduled = this.timeout;
			if (scheduled != null) {
				scheduled.cancel(false);
			}
			this.admission.admitted();
		}

		/** The timeout fired. */
		@Override
		public void run() {
			if (leave(this)) {
				this.admission.timedOut();
			}
		}

		@Override
		public boolean withdraw() {
			if (leave(this)) {
				Future<?> scheduled = this.timeout;
				if (scheduled != null) {
					scheduled.cancel(false);
				}
				return true;
			}
			return false;
		}

	}

}
