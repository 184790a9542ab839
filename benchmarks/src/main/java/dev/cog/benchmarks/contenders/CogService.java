package dev.cog.benchmarks.contenders;

import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;

import dev.cog.Concurrent;

/**
 * Guarded by {@code @Concurrent}. The asynchronous pools are sized by
 * {@code cog.concurrency.instances.<name>.max}, as an operator would.
 */
public class CogService extends Service {

	@Override
	@Concurrent(name = "bench.call")
	public int call(int x) {
		return super.call(x);
	}

	@Override
	@Concurrent(name = "bench.future", max = 4)
	public CompletableFuture<Integer> future(int x) {
		return super.future(x);
	}

	@Override
	@Concurrent(name = "bench.mono", max = 4)
	public Mono<Integer> mono(int x) {
		return super.mono(x);
	}

}
