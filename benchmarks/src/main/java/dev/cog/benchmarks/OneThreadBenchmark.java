package dev.cog.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.cog.benchmarks.contenders.Calls;
import dev.cog.benchmarks.contenders.Work;

/**
 * The cost of one admitted call on one thread, in nanoseconds: the guard's own overhead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class OneThreadBenchmark {

	@Benchmark
	public boolean call(Idle state, Blackhole blackhole) {
		return Calls.CALL.make(state.service, state.x, blackhole);
	}

	@Benchmark
	public boolean future(Idle state, Blackhole blackhole) {
		return Calls.FUTURE.make(state.service, state.x, blackhole);
	}

	@Benchmark
	public boolean mono(Idle state, Blackhole blackhole) {
		return Calls.MONO.make(state.service, state.x, blackhole);
	}

	/** A contender whose methods do no work. */
	@State(Scope.Benchmark)
	public static class Idle extends ContenderState {

		@Override
		protected int asyncLimit() {
			return 4;
		}

		@Override
		protected Work work() {
			return Work.NONE;
		}

	}

}
