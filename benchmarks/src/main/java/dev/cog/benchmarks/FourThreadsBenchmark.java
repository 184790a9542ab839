package dev.cog.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.cog.benchmarks.contenders.Calls;
import dev.cog.benchmarks.contenders.Work;

/**
 * Four threads calling one pool, in calls per microsecond, with the admitted and rejected calls
 * counted apart.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(4)
public class FourThreadsBenchmark {

	/** About 2 us of {@code Blackhole.consumeCPU} on the machine the README table came from. */
	static final long TWO_MICROS_OF_CPU = 1300;

	@Benchmark
	public void call(Loaded state, Tally tally, Blackhole blackhole) {
		tally.count(Calls.CALL.make(state.service, state.x, blackhole));
	}

	@Benchmark
	public void future(Loaded state, Tally tally, Blackhole blackhole) {
		tally.count(Calls.FUTURE.make(state.service, state.x, blackhole));
	}

	@Benchmark
	public void mono(Loaded state, Tally tally, Blackhole blackhole) {
		tally.count(Calls.MONO.make(state.service, state.x, blackhole));
	}

	/** How hard the four threads press on the pool. */
	public enum Load {

		/** Asynchronous pools of 4, no work: nobody should be turned away. */
		FREE(4, Work.NONE),

		/** Asynchronous pools of 2, about 2 us of work per call, rejection at once. */
		SATURATED(2, Work.cpu(TWO_MICROS_OF_CPU));

		private final int asyncLimit;

		private final Work work;

		Load(int asyncLimit, Work work) {
			this.asyncLimit = asyncLimit;
			this.work = work;
		}

	}

	/** A contender under one of the loads. The synchronous pool is always 1, as the contract requires. */
	@State(Scope.Benchmark)
	public static class Loaded extends ContenderState {

		/** The load. */
		@Param
		public Load load;

		@Override
		protected int asyncLimit() {
			return this.load.asyncLimit;
		}

		@Override
		protected Work work() {
			return this.load.work;
		}

	}

}
