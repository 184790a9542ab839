package dev.cog.benchmarks.contenders;

import java.util.concurrent.CompletableFuture;

import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import reactor.core.publisher.Mono;

/**
 * Guarded by Resilience4j's {@code @Bulkhead}, applied by its Spring AspectJ aspect.
 */
public class Resilience4jAnnotatedService extends Service {

	@Override
	@Bulkhead(name = "call")
	public int call(int x) {
		return super.call(x);
	}

	@Override
	@Bulkhead(name = "future")
	public CompletableFuture<Integer> future(int x) {
		return super.future(x);
	}

	@Override
	@Bulkhead(name = "mono")
	public Mono<Integer> mono(int x) {
		return super.mono(x);
	}

}
