package dev.cog.interceptor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.CallObserver;
import dev.cog.bulkhead.Outcome;
import dev.cog.pool.Admission;
import dev.cog.pool.Ticket;

/**
 * The stage a guarded {@code CompletionStage} method returns: it mirrors the method's own stage
 * and gives the slot back just before it completes, so a caller that reacts to completion always
 * finds the slot free. Cancelling it frees the slot and cancels the method's stage.
 */
final class SlotStage extends CompletableFuture<Object> implements BiConsumer<Object, Throwable>, Admission {

	private static final int WAITING = 0;

	private static final int HOLDING = 1;

	private static final int RELEASED = 2;

	private static final VarHandle PHASE;

	static {
		try {
			PHASE = MethodHandles.lookup().findVarHandle(SlotStage.class, "phase", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final Bulkhead bulkhead;

	private final @Nullable MethodInvocation invocation;

	private volatile int phase;

	private CallObserver observer = CallObserver.NONE;

	private long token;

	private long enqueuedAt;

	private volatile @Nullable Ticket ticket;

	private volatile @Nullable CompletionStage<?> source;

	/** A call that queues: it runs the method when admitted. */
	SlotStage(Bulkhead bulkhead, MethodInvocation invocation) {
		this.bulkhead = bulkhead;
		this.invocation = invocation;
	}

	/** A call whose method already runs in a slot: it follows the method's pending stage. */
	private SlotStage(Bulkhead bulkhead, CallObserver observer, long token) {
		this.bulkhead = bulkhead;
		this.invocation = null;
		this.observer = observer;
		this.token = token;
		this.phase = HOLDING;
	}

	/**
	 * Run the method in a slot the caller already holds. A plain {@code CompletableFuture} that is
	 * done when the method returns, or no stage, frees the slot at once and is returned as it is:
	 * only a pending stage is followed, and costs a {@code SlotStage}. (Subclasses take the
	 * general path: a minimal stage, for one, refuses {@code isDone()}.)
	 * @return the stage the caller gets
	 */
	static @Nullable Object callHeld(Bulkhead bulkhead, MethodInvocation invocation) throws Throwable {
		CallObserver observer = bulkhead.observer();
		long token = observer.admitted(0);
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			bulkhead.pool().release();
			observer.released(token, Outcome.ERROR);
			throw ex;
		}
		if (result == null || (result.getClass() == CompletableFuture.class && ((CompletableFuture<?>) result).isDone())) {
			bulkhead.pool().release();
			observer.released(token, outcomeOf(result));
			return result;
		}
		SlotStage stage = new SlotStage(bulkhead, observer, token);
		stage.follow((CompletionStage<?>) result);
		return stage;
	}

	void enqueue(long maxWaitNanos) {
		this.enqueuedAt = System.nanoTime();
		this.ticket = this.bulkhead.pool().enqueue(this, maxWaitNanos);
	}

	@Override
	public void admitted() {
		hold(Math.max(1, System.nanoTime() - this.enqueuedAt));
		if (isDone()) {
			release(Outcome.CANCELLED);
			return;
		}
		Object result;
		try {
			result = this.invocation.proceed();
		}
		catch (Throwable ex) {
			release(Outcome.ERROR);
			completeExceptionally(ex);
			return;
		}
		if (result == null) {
			release(Outcome.SUCCESS);
			complete(null);
			return;
		}
		follow((CompletionStage<?>) result);
		if (isCancelled()) {
			cancelSource(false);
		}
	}

	@Override
	public void timedOut() {
		completeExceptionally(this.bulkhead.rejectTimedOut(this.invocation.getThis()));
	}

	/** The method's stage completed. */
	@Override
	public void accept(@Nullable Object value, @Nullable Throwable failure) {
		if (failure == null) {
			release(Outcome.SUCCESS);
			complete(value);
		}
		else {
			release(isCancellation(failure) ? Outcome.CANCELLED : Outcome.ERROR);
			completeExceptionally(failure);
		}
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		boolean cancelled = super.cancel(mayInterruptIfRunning);
		if (cancelled) {
			if (this.phase == WAITING) {
				Ticket queued = this.ticket;
				if (queued != null) {
					// If the withdrawal fails, admitted() is running and sees the cancellation.
					queued.withdraw();
				}
			}
			else {
				release(Outcome.CANCELLED);
				cancelSource(mayInterruptIfRunning);
			}
		}
		return cancelled;
	}

	private void hold(long waitedNanos) {
		this.observer = this.bulkhead.observer();
		this.token = this.observer.admitted(waitedNanos);
		PHASE.setVolatile(this, HOLDING);
	}

	private void follow(CompletionStage<?> stage) {
		this.source = stage;
		stage.whenComplete(this);
	}

	private void release(Outcome outcome) {
		if (this.phase == HOLDING && PHASE.compareAndSet(this, HOLDING, RELEASED)) {
			this.bulkhead.pool().release();
			this.observer.released(this.token, outcome);
		}
	}

	private void cancelSource(boolean mayInterruptIfRunning) {
		if (this.source instanceof Future<?> future) {
			try {
				future.cancel(mayInterruptIfRunning);
			}
			catch (UnsupportedOperationException ex) {
				// A minimal stage cannot be cancelled; the slot is free all the same.
			}
		}
	}

	/** How a plain {@code CompletableFuture} that is done, or no stage, ended. */
	private static Outcome outcomeOf(@Nullable Object done) {
		if (done == null || !((CompletableFuture<?>) done).isCompletedExceptionally()) {
			return Outcome.SUCCESS;
		}
		return ((CompletableFuture<?>) done).isCancelled() ? Outcome.CANCELLED : Outcome.ERROR;
	}

	private static boolean isCancellation(Throwable failure) {
		return failure instanceof CancellationException
				|| (failure instanceof CompletionException && failure.getCause() instanceof CancellationException);
	}

}
