package dev.cog.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;

import dev.cog.bulkhead.CallObserver;
import dev.cog.bulkhead.Outcome;

/**
 * Feeds a bulkhead's timers from the call path with timers resolved when it was bound: no tag
 * look-up and no allocation per call. A call admitted at once reads the clock once and records
 * nothing for its wait; a call that queued also records its wait.
 */
final class TimingCallObserver implements CallObserver {

	private final Timer wait;

	/** The {@code calls} timer of each outcome, by its ordinal. */
	private final Timer[] calls;

	TimingCallObserver(Timer wait, Timer[] calls) {
		this.wait = wait;
		this.calls = calls;
	}

	@Override
	public long admitted(long waitedNanos) {
		if (waitedNanos != 0) {
			this.wait.record(waitedNanos, TimeUnit.NANOSECONDS);
		}
		return System.nanoTime();
	}

	@Override
	public void released(long token, Outcome outcome) {
		this.calls[outcome.ordinal()].record(System.nanoTime() - token, TimeUnit.NANOSECONDS);
	}

}
