package dev.cog.benchmarks.contenders;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a guarded method does inside its slot: nothing, some CPU, or, for the first few calls,
 * block until a gate opens.
 */
public final class Work {

	/** No work: the call measures the guard alone. */
	public static final Work NONE = new Work(0, null);

	private final long tokens;

	private final @Nullable CountDownLatch gate;

	private final AtomicInteger holders = new AtomicInteger();

	private final CountDownLatch entered;

	private Work(long tokens, @Nullable CountDownLatch gate) {
		this.tokens = tokens;
		this.gate = gate;
		this.entered = new CountDownLatch(0);
	}

	private Work(int holders, CountDownLatch gate) {
		this.tokens = 0;
		this.gate = gate;
		this.holders.set(holders);
		this.entered = new CountDownLatch(holders);
	}

	/**
	 * Burn CPU inside the slot.
	 * @param tokens {@link Blackhole#consumeCPU(long)} tokens, about 1 ns each on this kind of machine
	 * @return the work
	 */
	public static Work cpu(long tokens) {
		return new Work(tokens, null);
	}

	/**
	 * Let the first {@code holders} calls wait inside their slot until {@code gate} opens; later
	 * calls do nothing.
	 * @param holders how many calls wait
	 * @param gate opened to let them finish
	 * @return the work
	 */
	public static Work hold(int holders, CountDownLatch gate) {
		return new Work(holders, gate);
	}

	/**
	 * Wait until every holder is inside its slot.
	 * @throws InterruptedException if interrupted meanwhile
	 */
	public void awaitHolders() throws InterruptedException {
		this.entered.await();
	}

	void run() {
		if (this.tokens > 0) {
			Blackhole.consumeCPU(this.tokens);
		}
		else if (this.gate != null && this.holders.getAndDecrement() > 0) {
			this.entered.countDown();
			try {
				this.gate.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
