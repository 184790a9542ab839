package dev.cog.sample.model;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A token every {@code delay}, without holding a thread in between.
 */
public class DelayedTokenClock implements TokenClock {

	private final Executor delayed;

	public DelayedTokenClock(Duration delay) {
		this.delayed = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public CompletableFuture<Void> nextToken() {
		return CompletableFuture.runAsync(() -> {
		}, this.delayed);
	}

}
