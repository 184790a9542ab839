package dev.cog.benchmarks.contenders;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import reactor.core.publisher.Mono;

/**
 * Resilience4j's core {@link Bulkhead} around another service, called the way its own decorators
 * call it.
 */
public class Resilience4jCoreService extends Service {

	private final Service delegate;

	private final Bulkhead callBulkhead;

	private final Bulkhead futureBulkhead;

	private final Bulkhead monoBulkhead;

	Resilience4jCoreService(Service delegate, int asyncLimit) {
		this.delegate = delegate;
		this.callBulkhead = Bulkhead.of("call", config(1));
		this.futureBulkhead = Bulkhead.of("future", config(asyncLimit));
		this.monoBulkhead = Bulkhead.of("mono", config(asyncLimit));
	}

	static BulkheadConfig config(int limit) {
		return BulkheadConfig.custom()
			.maxConcurrentCalls(limit)
			.maxWaitDuration(Duration.ZERO)
			.writableStackTraceEnabled(false)
			.build();
	}

	@Override
	public void workWith(Work work) {
		this.delegate.workWith(work);
	}

	@Override
	public int call(int x) {
		this.callBulkhead.acquirePermission();
		try {
			return this.delegate.call(x);
		}
		finally {
			this.callBulkhead.onComplete();
		}
	}

	@Override
	public CompletableFuture<Integer> future(int x) {
		return Bulkhead.decorateCompletionStage(this.futureBulkhead, () -> this.delegate.future(x))
			.get()
			.toCompletableFuture();
	}

	@Override
	public Mono<Integer> mono(int x) {
		return this.delegate.mono(x).transformDeferred(BulkheadOperator.of(this.monoBulkhead));
	}

}
