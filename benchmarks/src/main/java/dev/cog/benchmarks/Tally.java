package dev.cog.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Admitted and rejected calls of one benchmark thread, reported by JMH as rates beside the
 * benchmark's own.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Tally {

	/** Calls that got a slot. */
	public long admitted;

	/** Calls turned away. */
	public long rejected;

	/** Start each iteration from zero. */
	@Setup(Level.Iteration)
	public void reset() {
		this.admitted = 0;
		this.rejected = 0;
	}

	void count(boolean wasAdmitted) {
		if (wasAdmitted) {
			this.admitted++;
		}
		else {
			this.rejected++;
		}
	}

}
