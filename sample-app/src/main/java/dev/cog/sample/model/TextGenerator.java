package dev.cog.sample.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.cog.Concurrent;

/**
 * A stand-in text model: it "generates" by echoing the prompt's words back, one token per tick
 * of its {@link TokenClock}. Like a Cog predictor with {@code @cog.concurrent(max=4)}, it
 * declares that four predictions may run at once.
 */
public class TextGenerator {

	private final TokenClock clock;

	public TextGenerator(TokenClock clock) {
		this.clock = clock;
	}

	/**
	 * Generate up to {@code maxTokens} tokens from a prompt.
	 * @param prompt the prompt
	 * @param maxTokens the most tokens to generate
	 * @return the generated text, when done
	 */
	@Concurrent(max = 4)
	public CompletableFuture<String> generate(String prompt, int maxTokens) {
		String[] words = prompt.trim().split("\\s+");
		List<String> tokens = new ArrayList<>();
		CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
		for (int i = 0; i < maxTokens; i++) {
			String token = words[i % words.length];
			done = done.thenCompose((ignored) -> this.clock.nextToken()).thenRun(() -> tokens.add(token));
		}
		return done.thenApply((ignored) -> String.join(" ", tokens));
	}

}
