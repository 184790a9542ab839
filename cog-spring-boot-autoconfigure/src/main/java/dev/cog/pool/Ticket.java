package dev.cog.pool;

/**
 * A caller's place in a {@link PermitPool}'s queue.
 */
public interface Ticket {

	/**
	 * Leave the queue.
	 * @return {@code true} if the caller left before it was admitted or timed out; {@code false}
	 * if its {@link Admission} was, or is being, told, in which case the caller may hold a slot
	 * that it must release
	 */
	boolean withdraw();

}
