package dev.cog.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.context.ConfigurableApplicationContext;

import dev.cog.benchmarks.contenders.Calls;
import dev.cog.benchmarks.contenders.Contender;
import dev.cog.benchmarks.contenders.Contestant;
import dev.cog.benchmarks.contenders.Work;
import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.CallObserver;
import dev.cog.bulkhead.BulkheadRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke tests: every benchmark state sets up and one operation works. Nothing here is timed.
 */
class BenchmarkStatesTests {

	private final Blackhole blackhole = new Blackhole(
			"Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

	@ParameterizedTest
	@EnumSource(Contender.class)
	void everyShapeIsAdmittedWhenIdle(Contender contender) throws Exception {
		OneThreadBenchmark.Idle state = new OneThreadBenchmark.Idle();
		state.contender = contender;
		state.start();
		try {
			OneThreadBenchmark benchmark = new OneThreadBenchmark();
			assertThat(benchmark.call(state, this.blackhole)).isTrue();
			assertThat(benchmark.future(state, this.blackhole)).isTrue();
			assertThat(benchmark.mono(state, this.blackhole)).isTrue();
		}
		finally {
			state.stop();
		}
	}

	@ParameterizedTest
	@EnumSource(value = Contender.class, names = { "DIRECT", "PROXY", "ADVISED" }, mode = EnumSource.Mode.EXCLUDE)
	void everyGuardRejectsWhileItsPoolsAreHeld(Contender contender) throws Exception {
		RejectionBenchmark.Held state = new RejectionBenchmark.Held();
		state.contender = contender;
		state.start();
		try {
			RejectionBenchmark benchmark = new RejectionBenchmark();
			assertThat(benchmark.call(state, this.blackhole)).isFalse();
			assertThat(benchmark.future(state, this.blackhole)).isFalse();
			// Spring frees a Mono's permit when the method returns, so it never holds one.
			assertThat(benchmark.mono(state, this.blackhole)).isEqualTo(contender == Contender.SPRING);
		}
		finally {
			state.stop();
		}
	}

	@ParameterizedTest
	@EnumSource(FourThreadsBenchmark.Load.class)
	void fourThreadsStateCountsCalls(FourThreadsBenchmark.Load load) throws Exception {
		FourThreadsBenchmark.Loaded state = new FourThreadsBenchmark.Loaded();
		state.contender = Contender.COG;
		state.load = load;
		state.start();
		try {
			Tally tally = new Tally();
			new FourThreadsBenchmark().future(state, tally, this.blackhole);
			assertThat(tally.admitted).isOne();
		}
		finally {
			state.stop();
		}
	}

	@ParameterizedTest
	@EnumSource(value = Contender.class, names = { "COG", "COG_METRICS" })
	void onlyMetricsOnObservesCallsIntoARealRegistry(Contender contender) {
		try (Contestant contestant = contender.start(1, Work.NONE)) {
			ConfigurableApplicationContext context = contestant.context();
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("bench.call");
			assertThat(bulkhead.observer() != CallObserver.NONE).isEqualTo(contender == Contender.COG_METRICS);
			assertThat(context.getBeansOfType(MeterRegistry.class)).hasSize((contender == Contender.COG_METRICS) ? 1 : 0);
		}
	}

	@ParameterizedTest
	@EnumSource(value = Calls.class, names = { "FUTURE", "MONO" })
	void waitersQueueWithoutThreadsAndDrain(Calls shape) throws Exception {
		WaitersBenchmark.Queue queue = new WaitersBenchmark.Queue();
		queue.shape = shape;
		queue.start();
		try {
			WaitersBenchmark.Footprint footprint = new WaitersBenchmark.Footprint();
			new WaitersBenchmark().waiters(queue, footprint, this.blackhole);
			// At most the one daemon thread that times every pool's waits out, started on first use.
			assertThat(footprint.threadsStarted).isLessThanOrEqualTo(1);
			assertThat(footprint.heapBytesPerWaiter).isPositive();
		}
		finally {
			queue.stop();
		}
	}

	@Test
	void startupRegistersEveryGeneratedMethod() throws Exception {
		StartupBenchmark benchmark = new StartupBenchmark();
		benchmark.methods = 2 * GeneratedBeans.METHODS_PER_CLASS;
		benchmark.compile();
		benchmark.load();
		try {
			assertThat(benchmark.start().getBean(BulkheadRegistry.class).all()).hasSize(benchmark.methods);
		}
		finally {
			benchmark.close();
			benchmark.delete();
		}
	}

}
