package dev.cog.bulkhead;

/**
 * How a call that held a slot ended.
 */
public enum Outcome {

	/** It returned, completed or signalled completion. */
	SUCCESS,

	/** It threw or signalled an error. */
	ERROR,

	/** Its stage or subscription was cancelled. */
	CANCELLED

}
