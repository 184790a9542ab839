package dev.cog.pool;

/**
 * What an asynchronous caller queued in a {@link PermitPool} is told: exactly one of its methods
 * is called, once, unless the caller withdraws first.
 */
public interface Admission {

	/**
	 * The caller holds a slot now and must release it when done.
	 */
	void admitted();

	/**
	 * No slot freed in time; the caller holds none.
	 */
	void timedOut();

}
