package dev.cog.metrics;

import java.util.Arrays;
import java.util.Locale;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.noop.NoopTimer;

import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.bulkhead.Outcome;
import dev.cog.pool.PermitPool;

/**
 * Binds the meters of every bulkhead, those there are and those registered later, each tagged
 * {@code name}: gauges {@code cog.concurrency.limit}, {@code .active} and {@code .waiting} that
 * read the live pool, a {@code cog.concurrency.rejected} counter that reads the bulkhead's own
 * count, and timers {@code cog.concurrency.wait} and {@code cog.concurrency.calls} (tagged
 * {@code outcome}) fed by a {@link TimingCallObserver}.
 *
 * <p>When a meter filter denies both timers, no observer is installed and calls pay nothing
 * for metrics; the gauges and the counter cost nothing per call either way.
 *
 * <p>Bind it to one registry (Boot binds it to the composite): each bulkhead has one observer,
 * so binding to a second registry moves the timers there.
 */
public class BulkheadMetrics implements MeterBinder {

	private final BulkheadRegistry bulkheads;

	/**
	 * Create the binder.
	 * @param bulkheads the bulkheads to measure
	 */
	public BulkheadMetrics(BulkheadRegistry bulkheads) {
		this.bulkheads = bulkheads;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.bulkheads.forEachBulkhead((bulkhead) -> bind(bulkhead, registry));
	}

	private static void bind(Bulkhead bulkhead, MeterRegistry registry) {
		Tags tags = Tags.of("name", bulkhead.name());
		PermitPool pool = bulkhead.pool();
		// Strong references: the pool lives as long as its bulkhead registry, and a gauge that
		// turned NaN after a collection would hide a full pool.
		Gauge.builder("cog.concurrency.limit", pool, PermitPool::max)
			.description("Slots of the bulkhead: its current max")
			.baseUnit("slots")
			.tags(tags)
			.strongReference(true)
			.register(registry);
		Gauge.builder("cog.concurrency.active", pool, PermitPool::active)
			.description("Slots in use")
			.baseUnit("slots")
			.tags(tags)
			.strongReference(true)
			.register(registry);
		Gauge.builder("cog.concurrency.waiting", pool, PermitPool::waiting)
			.description("Calls waiting for a slot")
			.baseUnit("calls")
			.tags(tags)
			.strongReference(true)
			.register(registry);
		FunctionCounter.builder("cog.concurrency.rejected", bulkhead, Bulkhead::rejected)
			.description("Calls rejected because no slot freed in time")
			.baseUnit("calls")
			.tags(tags)
			.register(registry);
		Timer wait = Timer.builder("cog.concurrency.wait")
			.description("How long calls that queued waited for a slot; calls admitted at once are not recorded")
			.tags(tags)
			.register(registry);
		Outcome[] outcomes = Outcome.values();
		Timer[] calls = new Timer[outcomes.length];
		for (Outcome outcome : outcomes) {
			calls[outcome.ordinal()] = Timer.builder("cog.concurrency.calls")
				.description("How long calls held a slot")
				.tags(tags)
				.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
		if (isOff(wait) && Arrays.stream(calls).allMatch(BulkheadMetrics::isOff)) {
			// Both timers denied by a MeterFilter (management.metrics.enable...=false): a call
			// then costs nothing here, not even a clock read.
			return;
		}
		bulkhead.observeWith(new TimingCallObserver(wait, calls));
	}

	private static boolean isOff(Timer timer) {
		return timer instanceof NoopTimer;
	}

}
