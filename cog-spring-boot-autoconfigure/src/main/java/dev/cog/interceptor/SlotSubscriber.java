package dev.cog.interceptor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.CallObserver;
import dev.cog.bulkhead.Outcome;
import dev.cog.pool.Admission;
import dev.cog.pool.Ticket;

/**
 * One subscription to a guarded publisher: it takes a slot, or queues for one without a thread,
 * then subscribes to the source, and gives the slot back on complete, error or cancel, before
 * passing the signal on. A {@code Mono}'s value is its completion: the slot is given back before
 * the value is passed on, so an operator that cancels once it has the value still counts a
 * success.
 */
final class SlotSubscriber<T> extends Operators.DeferredSubscription implements CoreSubscriber<T>, Admission {

	private static final int WAITING = 0;

	private static final int HOLDING = 1;

	private static final int RELEASED = 2;

	private static final VarHandle PHASE;

	static {
		try {
			PHASE = MethodHandles.lookup().findVarHandle(SlotSubscriber.class, "phase", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final CoreSubscriber<? super T> actual;

	private final Publisher<? extends T> source;

	private final Bulkhead bulkhead;

	private final @Nullable Object target;

	private final boolean single;

	private volatile int phase;

	private CallObserver observer = CallObserver.NONE;

	private long token;

	private long enqueuedAt;

	private volatile @Nullable Ticket ticket;

	SlotSubscriber(CoreSubscriber<? super T> actual, Publisher<? extends T> source, Bulkhead bulkhead,
			@Nullable Object target, boolean single) {
		this.actual = actual;
		this.source = source;
		this.bulkhead = bulkhead;
		this.target = target;
		this.single = single;
	}

	void start() {
		this.actual.onSubscribe(this);
		if (isCancelled()) {
			return;
		}
		if (this.bulkhead.pool().tryAcquire()) {
			subscribeHeld(0);
			return;
		}
		long maxWait = this.bulkhead.maxWaitNanos();
		if (maxWait == 0) {
			PHASE.setVolatile(this, RELEASED);
			this.actual.onError(this.bulkhead.rejectNotQueued(this.target));
			return;
		}
		this.enqueuedAt = System.nanoTime();
		this.ticket = this.bulkhead.pool().enqueue(this, maxWait);
	}

	@Override
	public void admitted() {
		subscribeHeld(Math.max(1, System.nanoTime() - this.enqueuedAt));
	}

	@Override
	public void timedOut() {
		if (PHASE.compareAndSet(this, WAITING, RELEASED) && !isCancelled()) {
			this.actual.onError(this.bulkhead.rejectTimedOut(this.target));
		}
	}

	private void subscribeHeld(long waitedNanos) {
		this.observer = this.bulkhead.observer();
		this.token = this.observer.admitted(waitedNanos);
		PHASE.setVolatile(this, HOLDING);
		if (isCancelled()) {
			release(Outcome.CANCELLED);
			return;
		}
		this.source.subscribe(this);
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		set(subscription);
	}

	@Override
	public void onNext(T value) {
		if (this.single) {
			release(Outcome.SUCCESS);
		}
		this.actual.onNext(value);
	}

	@Override
	public void onError(Throwable failure) {
		release(Outcome.ERROR);
		this.actual.onError(failure);
	}

	@Override
	public void onComplete() {
		release(Outcome.SUCCESS);
		this.actual.onComplete();
	}

	@Override
	public void cancel() {
		super.cancel();
		if (this.phase == WAITING) {
			Ticket queued = this.ticket;
			if (queued != null) {
				// If the withdrawal fails, subscribeHeld is running and sees the cancellation.
				queued.withdraw();
			}
		}
		else {
			release(Outcome.CANCELLED);
		}
	}

	@Override
	public Context currentContext() {
		return this.actual.currentContext();
	}

	private void release(Outcome outcome) {
		// A plain read first: a Mono releases on its value, so its completion finds the slot gone.
		if (this.phase == HOLDING && PHASE.compareAndSet(this, HOLDING, RELEASED)) {
			this.bulkhead.pool().release();
			this.observer.released(this.token, outcome);
		}
	}

}
