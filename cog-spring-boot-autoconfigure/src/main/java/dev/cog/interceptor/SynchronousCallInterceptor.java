package dev.cog.interceptor;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.CallObserver;
import dev.cog.bulkhead.Outcome;
import dev.cog.pool.PermitPool;

/**
 * Holds a slot from the call until the method returns or throws; a call that finds none parks
 * its thread up to max-wait.
 */
final class SynchronousCallInterceptor implements MethodInterceptor {

	private final Bulkhead bulkhead;

	private final PermitPool pool;

	SynchronousCallInterceptor(Bulkhead bulkhead) {
		this.bulkhead = bulkhead;
		this.pool = bulkhead.pool();
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		long waited = this.pool.tryAcquire() ? 0 : awaitSlot(invocation);
		CallObserver observer = this.bulkhead.observer();
		long token = observer.admitted(waited);
		Outcome outcome = Outcome.ERROR;
		try {
			Object result = invocation.proceed();
			outcome = Outcome.SUCCESS;
			return result;
		}
		finally {
			this.pool.release();
			observer.released(token, outcome);
		}
	}

	private long awaitSlot(MethodInvocation invocation) {
		long maxWait = this.bulkhead.maxWaitNanos();
		if (maxWait == 0) {
			throw this.bulkhead.rejectNotQueued(invocation.getThis());
		}
		long start = System.nanoTime();
		try {
			if (this.pool.acquire(maxWait)) {
				return Math.max(1, System.nanoTime() - start);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw this.bulkhead.rejectInterrupted(invocation.getThis());
		}
		throw this.bulkhead.rejectTimedOut(invocation.getThis());
	}

}
