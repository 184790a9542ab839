package dev.cog;

import org.springframework.resilience.InvocationRejectedException;

/**
 * Thrown, or signalled to an asynchronous caller, when a call finds every slot of its bulkhead
 * taken and may not wait any longer.
 *
 * <p>Rejections are expected under load, so they are cheap: the message is built when first read
 * and the stack trace is left empty unless {@code cog.concurrency.rejection-stack-traces} asks for
 * it.
 */
public class ConcurrencyLimitExceededException extends InvocationRejectedException {

	private final String bulkhead;

	private final int max;

	private final String reason;

	/**
	 * Create an exception for a call turned away by the named bulkhead.
	 * @param bulkhead the bulkhead's name
	 * @param max the bulkhead's max when the call was turned away
	 * @param target the bean whose method was called
	 * @param reason why the call was turned away, ending the message
	 * @param stackTrace whether to record the stack trace
	 */
	public ConcurrencyLimitExceededException(String bulkhead, int max, Object target, String reason,
			boolean stackTrace) {
		super(null, target);
		this.bulkhead = bulkhead;
		this.max = max;
		this.reason = reason;
		if (stackTrace) {
			super.fillInStackTrace();
		}
	}

	/**
	 * Return the name of the bulkhead that turned the call away.
	 * @return the bulkhead name
	 */
	public String getBulkhead() {
		return this.bulkhead;
	}

	/**
	 * Return the bulkhead's max when the call was turned away.
	 * @return the max
	 */
	public int getMax() {
		return this.max;
	}

	@Override
	public String getMessage() {
		return "Bulkhead '" + this.bulkhead + "' has all " + this.max + ((this.max != 1) ? " slots" : " slot")
				+ " taken: " + this.reason;
	}

	@Override
	public Throwable fillInStackTrace() {
		return this;
	}

}
