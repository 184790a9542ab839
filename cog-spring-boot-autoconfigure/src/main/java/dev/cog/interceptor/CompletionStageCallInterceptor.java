package dev.cog.interceptor;

import java.util.concurrent.CompletableFuture;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import dev.cog.bulkhead.Bulkhead;

/**
 * Holds a slot from the call until the returned stage completes. A call that finds none gets a
 * stage at once; the method runs when a slot frees, and no thread waits meanwhile.
 */
final class CompletionStageCallInterceptor implements MethodInterceptor {

	private final Bulkhead bulkhead;

	CompletionStageCallInterceptor(Bulkhead bulkhead) {
		this.bulkhead = bulkhead;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		if (this.bulkhead.pool().tryAcquire()) {
			return SlotStage.callHeld(this.bulkhead, invocation);
		}
		long maxWait = this.bulkhead.maxWaitNanos();
		if (maxWait == 0) {
			return CompletableFuture.failedFuture(this.bulkhead.rejectNotQueued(invocation.getThis()));
		}
		SlotStage stage = new SlotStage(this.bulkhead, invocation);
		stage.enqueue(maxWait);
		return stage;
	}

}
