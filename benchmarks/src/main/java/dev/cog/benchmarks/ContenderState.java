package dev.cog.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.cog.benchmarks.contenders.Contender;
import dev.cog.benchmarks.contenders.Contestant;
import dev.cog.benchmarks.contenders.Service;
import dev.cog.benchmarks.contenders.Work;

/**
 * One contender, started for a whole trial; subclasses say how big its asynchronous pools are
 * and what its methods do.
 */
@State(Scope.Benchmark)
public abstract class ContenderState {

	/** Which contender; every one by default. */
	@Param
	public Contender contender;

	/** The argument of every call, a field so that it is not constant-folded. */
	public int x = 41;

	/** The service to call. */
	public Service service;

	private Contestant contestant;

	/**
	 * Start the contender.
	 * @throws Exception if it cannot start
	 */
	@Setup(Level.Trial)
	public void start() throws Exception {
		this.contestant = this.contender.start(asyncLimit(), work());
		this.service = this.contestant.service();
		started();
	}

	/**
	 * Stop the contender.
	 * @throws Exception if it cannot stop
	 */
	@TearDown(Level.Trial)
	public void stop() throws Exception {
		stopping();
		this.contestant.close();
	}

	/**
	 * Return the max of the asynchronous methods; the synchronous method's is always 1.
	 * @return the max
	 */
	protected abstract int asyncLimit();

	/**
	 * Return what each call does inside its slot.
	 * @return the work
	 */
	protected abstract Work work();

	/**
	 * Called once the contender has started.
	 * @throws Exception if the state cannot be prepared
	 */
	protected void started() throws Exception {
	}

	/**
	 * Called before the contender stops.
	 * @throws Exception if the state cannot be cleaned up
	 */
	protected void stopping() throws Exception {
	}

}
