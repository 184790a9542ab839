package dev.cog.benchmarks.contenders;

import java.util.concurrent.CompletableFuture;

import org.springframework.resilience.annotation.ConcurrencyLimit;
import org.springframework.resilience.annotation.ConcurrencyLimit.ThrottlePolicy;
import reactor.core.publisher.Mono;

/**
 * Guarded by Spring Framework 7's {@code @ConcurrencyLimit}, rejecting at once like the others.
 */
public class SpringLimitedService extends Service {

	@Override
	@ConcurrencyLimit(limit = 1, policy = ThrottlePolicy.REJECT)
	public int call(int x) {
		return super.call(x);
	}

	@Override
	@ConcurrencyLimit(limitString = "${bench.async-limit}", policy = ThrottlePolicy.REJECT)
	public CompletableFuture<Integer> future(int x) {
		return super.future(x);
	}

	@Override
	@ConcurrencyLimit(limitString = "${bench.async-limit}", policy = ThrottlePolicy.REJECT)
	public Mono<Integer> mono(int x) {
		return super.mono(x);
	}

}
