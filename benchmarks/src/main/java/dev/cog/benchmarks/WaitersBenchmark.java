package dev.cog.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.cog.benchmarks.contenders.Calls;
import dev.cog.benchmarks.contenders.Contestant;
import dev.cog.benchmarks.contenders.Contexts;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.pool.PermitPool;

/**
 * 10,000 asynchronous callers queued on a {@code @Concurrent} pool of 1: the heap each waiter
 * keeps (measured after a full GC, while they wait) and the platform threads started for them.
 * Only those two counters are the result: the time includes the full GCs that settle the heap. The
 * serial collector reports the heap in use after a full GC exactly; G1's figure moves by megabytes.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@OperationsPerInvocation(WaitersBenchmark.WAITERS)
public class WaitersBenchmark {

	static final int WAITERS = 10_000;

	@Benchmark
	public void waiters(Queue queue, Footprint footprint, Blackhole blackhole) throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		PermitPool pool = queue.pool();
		if (!pool.tryAcquire()) {
			throw new IllegalStateException("The pool's slot is taken before the test");
		}
		long heapBefore = settledHeap(memory);
		long startedBefore = threads.getTotalStartedThreadCount();
		for (int i = 0; i < WAITERS; i++) {
			queue.shape.make(queue.contestant.service(), i, blackhole);
		}
		if (pool.waiting() != WAITERS) {
			throw new IllegalStateException(pool.waiting() + " callers wait, not " + WAITERS);
		}
		footprint.heapBytesPerWaiter = (double) (settledHeap(memory) - heapBefore) / WAITERS;
		footprint.threadsStarted = threads.getTotalStartedThreadCount() - startedBefore;
		pool.release();
		if (pool.waiting() != 0 || pool.active() != 0) {
			throw new IllegalStateException("The queue did not drain: " + pool.waiting() + " waiting");
		}
	}

	private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(20);
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	/** A {@code @Concurrent} application whose asynchronous pools are of 1 and let calls wait a minute. */
	@State(Scope.Benchmark)
	public static class Queue {

		/** The asynchronous shape that queues. */
		@Param({ "FUTURE", "MONO" })
		public Calls shape;

		Contestant contestant;

		@Setup(Level.Trial)
		public void start() {
			this.contestant = Contexts.cog(1, false, "cog.concurrency.max-wait=1m");
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.contestant.close();
		}

		PermitPool pool() {
			BulkheadRegistry registry = this.contestant.context().getBean(BulkheadRegistry.class);
			return registry.get((this.shape == Calls.FUTURE) ? "bench.future" : "bench.mono").pool();
		}

	}

	/** What the waiters cost, reported as plain values. */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Footprint {

		/** Heap each waiter keeps while it waits, in bytes. */
		public double heapBytesPerWaiter;

		/** Platform threads started while the waiters queued. */
		public long threadsStarted;

	}

}
