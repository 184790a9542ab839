package dev.cog.sample.model;

import java.util.concurrent.CompletableFuture;

/**
 * Paces the stand-in model: the stage completes when the next token is due.
 */
@FunctionalInterface
public interface TokenClock {

	/**
	 * Return a stage that completes when the next token is due.
	 * @return the stage
	 */
	CompletableFuture<Void> nextToken();

}
