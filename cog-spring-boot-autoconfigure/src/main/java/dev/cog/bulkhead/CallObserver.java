package dev.cog.bulkhead;

/**
 * Told of every call a bulkhead admits, on the call's own path: implementations must be cheap.
 */
public interface CallObserver {

	/** An observer that records nothing. */
	CallObserver NONE = new CallObserver() {

		@Override
		public long admitted(long waitedNanos) {
			return 0;
		}

		@Override
		public void released(long token, Outcome outcome) {
		}

	};

	/**
	 * A call took a slot.
	 * @param waitedNanos how long it waited for the slot, 0 when it took one at once
	 * @return a token handed back to {@link #released(long, Outcome)}, such as a start time
	 */
	long admitted(long waitedNanos);

	/**
	 * A call gave its slot back.
	 * @param token what {@link #admitted(long)} returned for the call
	 * @param outcome how the call ended
	 */
	void released(long token, Outcome outcome);

}
