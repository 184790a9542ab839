package dev.cog.reliability;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One call of a stress run: what its body does and whether it is in the body. A call is counted
 * from entering the body until the earliest of its own end and the caller's cancel, so that the
 * count never includes a call whose slot the pool may already have freed.
 */
final class StressCall {

	enum Plan {

		/** The body completes normally. */
		SUCCESS,

		/** The body fails. */
		ERROR,

		/** The caller cancels: the stage, the subscription, or the Flux after its first element. */
		CANCEL,

		/** The caller's thread is interrupted while it waits for a slot (synchronous only). */
		INTERRUPT

	}

	private static final int NEW = 0;

	private static final int ENTERED = 1;

	private static final int ENDED = 2;

	private final Plan plan;

	private final long workMicros;

	private final AtomicInteger state = new AtomicInteger(NEW);

	final CompletableFuture<Void> entered = new CompletableFuture<>();

	StressCall(Plan plan, long workMicros) {
		this.plan = plan;
		this.workMicros = workMicros;
	}

	Plan plan() {
		return this.plan;
	}

	long workMicros() {
		return this.workMicros;
	}

	/**
	 * Enter the body.
	 * @return whether the call counts: not if its caller already ended it
	 */
	boolean enter() {
		boolean counts = this.state.compareAndSet(NEW, ENTERED);
		this.entered.complete(null);
		return counts;
	}

	/**
	 * End the call, once, before its slot can be freed. One atomic step: a body entering
	 * between two separate checks would stay counted for good.
	 */
	void end(StressTarget.InFlight inFlight) {
		if (this.state.getAndSet(ENDED) == ENTERED) {
			inFlight.leave();
		}
	}

	/** A failure the body throws on purpose. */
	static final class Failure extends RuntimeException {

		Failure() {
			super("planned failure", null, false, false);
		}

	}

}
