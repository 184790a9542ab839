package dev.cog.bulkhead;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import dev.cog.ConcurrencyLimitExceededException;
import dev.cog.pool.PermitPool;

/**
 * A named permit pool, the methods it guards, where its max came from and what it turned away.
 */
public final class Bulkhead {

	private final String name;

	private final int annotationMax;

	private final PermitPool pool;

	private final boolean stackTraces;

	private final List<BulkheadMethod> methods = new CopyOnWriteArrayList<>();

	private final LongAdder rejected = new LongAdder();

	private volatile boolean async = true;

	private volatile MaxSource source = MaxSource.annotation();

	private volatile Duration maxWait = Duration.ZERO;

	private volatile long maxWaitNanos;

	private volatile String timedOutReason = "";

	private volatile CallObserver observer = CallObserver.NONE;

	Bulkhead(String name, int annotationMax, boolean stackTraces) {
		this.name = name;
		this.annotationMax = annotationMax;
		this.pool = new PermitPool(annotationMax);
		this.stackTraces = stackTraces;
	}

	void add(BulkheadMethod method) {
		this.methods.add(method);
		this.async = this.methods.stream().allMatch((candidate) -> candidate.shape().isAsync());
	}

	void apply(Sizing sizing) {
		this.pool.resize(sizing.max());
		this.source = sizing.source();
		this.maxWait = sizing.maxWait();
		this.maxWaitNanos = sizing.maxWait().toNanos();
		this.timedOutReason = "none freed within max-wait " + sizing.maxWait();
	}

	/**
	 * Return the bulkhead's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the max its methods' {@code @Concurrent} declares.
	 * @return the annotation max
	 */
	public int annotationMax() {
		return this.annotationMax;
	}

	/**
	 * Return the methods it guards.
	 * @return the methods, in the order they were found
	 */
	public List<BulkheadMethod> methods() {
		return List.copyOf(this.methods);
	}

	/**
	 * Return whether every method it guards is asynchronous, so that its max may exceed 1.
	 * @return whether it is asynchronous
	 */
	public boolean isAsync() {
		return this.async;
	}

	/**
	 * Return its permit pool.
	 * @return the pool
	 */
	public PermitPool pool() {
		return this.pool;
	}

	/**
	 * Return where its max came from.
	 * @return the source
	 */
	public MaxSource source() {
		return this.source;
	}

	/**
	 * Return how long a call may wait for a slot.
	 * @return the max wait, {@link Duration#ZERO} to reject at once
	 */
	public Duration maxWait() {
		return this.maxWait;
	}

	/**
	 * Return {@link #maxWait()} in nanoseconds.
	 * @return the max wait in nanoseconds
	 */
	public long maxWaitNanos() {
		return this.maxWaitNanos;
	}

	/**
	 * Return how many calls it has rejected.
	 * @return the rejections since startup
	 */
	public long rejected() {
		return this.rejected.sum();
	}

	/**
	 * Return the observer told of every admitted call.
	 * @return the observer
	 */
	public CallObserver observer() {
		return this.observer;
	}

	/**
	 * Tell the given observer of every call from now on, in place of the current one.
	 * @param observer the observer
	 */
	public void observeWith(CallObserver observer) {
		this.observer = observer;
	}

	/**
	 * Change the max while the application runs. Growing admits waiters at once; shrinking lets
	 * the calls in flight finish.
	 * @param max the new max
	 * @throws IllegalArgumentException if {@code max} is below 1, or above 1 for a synchronous
	 * bulkhead
	 */
	public void resize(int max) {
		if (max < 1) {
			throw new IllegalArgumentException(
					"Bulkhead '" + this.name + "' cannot be resized to " + max + ": a max must be at least 1");
		}
		if (max > 1 && !this.async) {
			throw new IllegalArgumentException("Bulkhead '" + this.name + "' cannot be resized to " + max
					+ ": it guards a synchronous method, which runs one call at a time");
		}
		this.pool.resize(max);
		this.source = MaxSource.runtime();
	}

	/**
	 * Count a call that was turned away because it could not wait.
	 * @param target the bean whose method was called
	 * @return the exception for the caller
	 */
	public ConcurrencyLimitExceededException rejectNotQueued(Object target) {
		return reject(target, "max-wait is 0, so calls do not wait for a slot");
	}

	/**
	 * Count a call that waited {@link #maxWait()} without a slot freeing.
	 * @param target the bean whose method was called
	 * @return the exception for the caller
	 */
	public ConcurrencyLimitExceededException rejectTimedOut(Object target) {
		return reject(target, this.timedOutReason);
	}

	/**
	 * Count a call whose thread was interrupted while it waited.
	 * @param target the bean whose method was called
	 * @return the exception for the caller
	 */
	public ConcurrencyLimitExceededException rejectInterrupted(Object target) {
		return reject(target, "the caller was interrupted while waiting for one");
	}

	private ConcurrencyLimitExceededException reject(Object target, String reason) {
		this.rejected.increment();
		return new ConcurrencyLimitExceededException(this.name, this.pool.max(), target, reason, this.stackTraces);
	}

	@Override
	public String toString() {
		return "Bulkhead '" + this.name + "' (max " + this.pool.max() + ", " + this.pool.active() + " active, "
				+ this.pool.waiting() + " waiting)";
	}

}
