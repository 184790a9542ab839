package dev.cog.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Free slots kept in padded cells, each thread using the cell its identity hash picks, so that
 * threads on different cores take and give back slots without passing one cache line between
 * them.
 *
 * <p>A {@link PermitPool} counts a slot in a cell as taken from it: a cell holds slots that nobody
 * uses. The cells are open, closing or closed; slots are put in them only while they are open.
 * Every change of state moves {@link #epoch()} on, so a reader that sees the same epoch twice
 * knows nothing changed in between. State changes happen under the pool's lock.
 */
final class SlotCells {

	private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);

	/** 128 bytes from one cell to the next: a cache line and the neighbour the CPU prefetches. */
	private static final int STRIDE = 16;

	private static final int MAX_CELLS = 64;

	private static final int CLOSED = 0;

	private static final int OPEN = 1;

	/** The cells at {@code (i + 1) * STRIDE}, with a stride of padding before the first. */
	private final long[] cells;

	private final int mask;

	/** The state in the two low bits (0 closed, 1 open, 2 closing), moved on by every change. */
	private volatile int epoch = OPEN;

	/**
	 * Create open cells, four per processor, so that a few threads rarely share one.
	 */
	SlotCells() {
		int count = Math.min(MAX_CELLS, Integer.highestOneBit(4 * Runtime.getRuntime().availableProcessors() - 1) << 1);
		this.cells = new long[(count + 1) * STRIDE];
		this.mask = count - 1;
	}

	int epoch() {
		return this.epoch;
	}

	static boolean isOpen(int epoch) {
		return (epoch & 3) == OPEN;
	}

	static boolean isClosed(int epoch) {
		return (epoch & 3) == CLOSED;
	}

	/** Open closed cells; under the pool's lock. */
	void open() {
		if (isClosed(this.epoch)) {
			this.epoch++;
		}
	}

	/**
	 * Close the cells and take their slots out; under the pool's lock. The cells read as closing
	 * until {@link #finishClosing()}, even when they were closed already, so that nobody takes
	 * a full count for final while slots are on their way back. A put that raced the closing
	 * finds the cells closing when it looks again and takes its slot back out, unless this took
	 * it.
	 * @return the slots taken out of the cells, for the pool to count free
	 */
	long closeAndEmpty() {
		this.epoch += isOpen(this.epoch) ? 1 : 2;
		long emptied = 0;
		for (int i = STRIDE; i < this.cells.length; i += STRIDE) {
			emptied += (long) CELL.getAndSet(this.cells, i, 0L);
		}
		return emptied;
	}

	/** Mark the cells closed once the pool counts the slots taken out of them as free. */
	void finishClosing() {
		this.epoch += 2;
	}

	/** The cell of the calling thread. */
	int cell() {
		return ((System.identityHashCode(Thread.currentThread()) & this.mask) + 1) * STRIDE;
	}

	long get(int cell) {
		return (long) CELL.getVolatile(this.cells, cell);
	}

	/** Put one slot in a cell that held {@code expected}. */
	boolean add(int cell, long expected) {
		return CELL.weakCompareAndSet(this.cells, cell, expected, expected + 1);
	}

	/** Take a slot out of one cell, if it holds one. */
	boolean take(int cell) {
		long free;
		do {
			free = get(cell);
			if (free == 0) {
				return false;
			}
		}
		while (!CELL.weakCompareAndSet(this.cells, cell, free, free - 1));
		return true;
	}

	/** Take a slot out of any cell, looking at each once. */
	boolean takeAny(int from) {
		for (int i = from; i < this.cells.length; i += STRIDE) {
			if (take(i)) {
				return true;
			}
		}
		for (int i = STRIDE; i < from; i += STRIDE) {
			if (take(i)) {
				return true;
			}
		}
		return false;
	}

	/** How many slots the cells hold now, for the pool's counts. */
	long count() {
		long free = 0;
		for (int i = STRIDE; i < this.cells.length; i += STRIDE) {
			free += get(i);
		}
		return free;
	}

}
