package dev.cog.benchmarks.contenders;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import reactor.core.publisher.Mono;

/**
 * The floor: a raw {@link Semaphore} try/release around another service, rejecting with one
 * shared exception.
 */
public class SemaphoreService extends Service {

	private static final RejectedExecutionException REJECTED = new RejectedExecutionException("no permit") {

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	};

	private final Service delegate;

	private final Semaphore callPermits = new Semaphore(1);

	private final Semaphore futurePermits;

	private final Semaphore monoPermits;

	SemaphoreService(Service delegate, int asyncLimit) {
		this.delegate = delegate;
		this.futurePermits = new Semaphore(asyncLimit);
		this.monoPermits = new Semaphore(asyncLimit);
	}

	@Override
	public void workWith(Work work) {
		this.delegate.workWith(work);
	}

	@Override
	public int call(int x) {
		if (!this.callPermits.tryAcquire()) {
			throw REJECTED;
		}
		try {
			return this.delegate.call(x);
		}
		finally {
			this.callPermits.release();
		}
	}

	@Override
	public CompletableFuture<Integer> future(int x) {
		if (!this.futurePermits.tryAcquire()) {
			return CompletableFuture.failedFuture(REJECTED);
		}
		try {
			return this.delegate.future(x).whenComplete((value, failure) -> this.futurePermits.release());
		}
		catch (RuntimeException ex) {
			this.futurePermits.release();
			throw ex;
		}
	}

	@Override
	public Mono<Integer> mono(int x) {
		return Mono.defer(() -> this.monoPermits.tryAcquire()
				? this.delegate.mono(x).doFinally((signal) -> this.monoPermits.release()) : Mono.error(REJECTED));
	}

}
