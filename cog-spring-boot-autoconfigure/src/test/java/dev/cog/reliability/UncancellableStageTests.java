package dev.cog.reliability;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.cog.Concurrent;
import dev.cog.autoconfigure.ConcurrencyAutoConfiguration;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.pool.PermitPool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A method may return a stage that refuses cancellation, such as a minimal stage: cancelling the
 * caller's stage still frees the slot, and does not throw.
 */
class UncancellableStageTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class))
		.withBean(Minimal.class);

	@Test
	void cancellingTheStageOfAMinimalStageFreesTheSlotWithoutThrowing() {
		this.contextRunner.run((context) -> {
			PermitPool pool = context.getBean(BulkheadRegistry.class).get("minimal.generate").pool();
			CompletableFuture<String> source = new CompletableFuture<>();
			CompletableFuture<String> stage = context.getBean(Minimal.class)
				.generate(source.minimalCompletionStage())
				.toCompletableFuture();
			assertThat(pool.active()).isOne();
			assertThat(stage.cancel(true)).isTrue();
			assertThat(pool.active()).isZero();
			assertThat(pool.available()).isOne();
		});
	}

	public static class Minimal {

		@Concurrent
		public CompletionStage<String> generate(CompletionStage<String> source) {
			return source;
		}

	}

}
