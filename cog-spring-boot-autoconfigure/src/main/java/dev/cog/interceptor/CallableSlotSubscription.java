package dev.cog.interceptor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.CallObserver;
import dev.cog.bulkhead.Outcome;

/**
 * The subscription to a guarded {@code Mono} whose source is a {@link Callable}, as
 * {@code Mono.fromCallable}, {@code fromSupplier} and {@code just} are: it holds the slot taken
 * at subscription, calls the source on the first request, as Reactor's own subscription does,
 * and gives the slot back before passing the value on. One object and no subscription to the
 * source, where any other {@code Mono} goes through a {@link SlotSubscriber}.
 */
final class CallableSlotSubscription<T> implements Subscription {

	private static final int HOLDING = 0;

	private static final int CALLING = 1;

	private static final int CANCELLED_WHILE_CALLING = 2;

	private static final int RELEASED = 3;

	private static final VarHandle STATE;

	static {
		try {
			STATE = MethodHandles.lookup().findVarHandle(CallableSlotSubscription.class, "state", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final CoreSubscriber<? super T> actual;

	private final Callable<? extends @Nullable T> source;

	private final Bulkhead bulkhead;

	private final CallObserver observer;

	private final long token;

	private volatile int state;

	private CallableSlotSubscription(CoreSubscriber<? super T> actual, Callable<? extends @Nullable T> source,
			Bulkhead bulkhead) {
		this.actual = actual;
		this.source = source;
		this.bulkhead = bulkhead;
		this.observer = bulkhead.observer();
		this.token = this.observer.admitted(0);
	}

	/**
	 * Subscribe with a slot the caller has just taken from the bulkhead's pool.
	 * @param actual the subscriber
	 * @param source the {@code Mono}'s source
	 * @param bulkhead the bulkhead whose slot is held
	 * @param <T> the type of the value
	 */
	static <T> void subscribeHolding(CoreSubscriber<? super T> actual, Callable<? extends @Nullable T> source,
			Bulkhead bulkhead) {
		CallableSlotSubscription<T> subscription = new CallableSlotSubscription<>(actual, source, bulkhead);
		try {
			actual.onSubscribe(subscription);
		}
		catch (RuntimeException | Error ex) {
			subscription.cancel();
			throw ex;
		}
	}

	@Override
	public void request(long n) {
		if (!Operators.validate(n) || !STATE.compareAndSet(this, HOLDING, CALLING)) {
			return;
		}
		T value;
		try {
			value = this.source.call();
		}
		catch (Throwable failure) {
			if (finish(Outcome.ERROR)) {
				this.actual.onError(Operators.onOperatorError(failure, this.actual.currentContext()));
			}
			else {
				Operators.onErrorDropped(failure, this.actual.currentContext());
			}
			return;
		}
		if (!finish(Outcome.SUCCESS)) {
			Operators.onDiscard(value, this.actual.currentContext());
			return;
		}
		if (value != null) {
			this.actual.onNext(value);
		}
		this.actual.onComplete();
	}

	@Override
	public void cancel() {
		int current;
		while ((current = this.state) == HOLDING || current == CALLING) {
			if (current == HOLDING && STATE.compareAndSet(this, HOLDING, RELEASED)) {
				release(Outcome.CANCELLED);
				return;
			}
			if (current == CALLING && STATE.compareAndSet(this, CALLING, CANCELLED_WHILE_CALLING)) {
				// The call gives the slot back when it returns.
				return;
			}
		}
	}

	/**
	 * End the call and give the slot back.
	 * @return {@code true} if the call ended with {@code outcome}, {@code false} if it was
	 * cancelled while it ran
	 */
	private boolean finish(Outcome outcome) {
		boolean ended = STATE.compareAndSet(this, CALLING, RELEASED);
		if (!ended) {
			this.state = RELEASED;
		}
		release(ended ? outcome : Outcome.CANCELLED);
		return ended;
	}

	private void release(Outcome outcome) {
		this.bulkhead.pool().release();
		this.observer.released(this.token, outcome);
	}

}
