package dev.cog.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * The cost of one rejected call, in nanoseconds: every pool is held by a parked caller, so each
 * measured call is turned away.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class RejectionBenchmark {

	@Benchmark
	public boolean call(Held state, Blackhole blackhole) {
		return Calls.CALL.make(state.service, state.x, blackhole);
	}

	@Benchmark
	public boolean future(Held state, Blackhole blackhole) {
		return Calls.FUTURE.make(state.service, state.x, blackhole);
	}

	@Benchmark
	public boolean mono(Held state, Blackhole blackhole) {
		return Calls.MONO.make(state.service, state.x, blackhole);
	}

	/**
	 * A contender whose every pool, of 1, is held by a thread parked inside the method.
	 * Spring's {@code @ConcurrencyLimit} frees a {@code Mono}'s permit when the method returns,
	 * so its {@code mono} is never held and its calls there are admitted.
	 */
	@State(Scope.Benchmark)
	public static class Held extends ContenderState {

		private static final Blackhole SINK = new Blackhole(
				"Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

		private final CountDownLatch gate = new CountDownLatch(1);

		private final Work work = Work.hold(Calls.values().length, this.gate);

		private final List<Thread> holders = new ArrayList<>();

		@Override
		protected int asyncLimit() {
			return 1;
		}

		@Override
		protected Work work() {
			return this.work;
		}

		@Override
		protected void started() throws InterruptedException {
			for (Calls shape : Calls.values()) {
				Thread holder = new Thread(() -> shape.make(this.service, 0, SINK), "holder-" + shape);
				holder.setDaemon(true);
				holder.start();
				this.holders.add(holder);
			}
			this.work.awaitHolders();
		}

		@Override
		protected void stopping() throws InterruptedException {
			this.gate.countDown();
			for (Thread holder : this.holders) {
				holder.join();
			}
		}

	}

}
