package dev.cog.web;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Mono;

import dev.cog.Concurrent;

/**
 * A model whose predictions stay in flight until the test completes them.
 */
public class HeldModel {

	private final List<CompletableFuture<String>> inFlight = new CopyOnWriteArrayList<>();

	@Concurrent
	public CompletableFuture<String> predict() {
		CompletableFuture<String> prediction = new CompletableFuture<>();
		this.inFlight.add(prediction);
		return prediction;
	}

	@Concurrent
	public Mono<String> predictReactively() {
		return Mono.fromFuture(this::predict);
	}

	public List<CompletableFuture<String>> inFlight() {
		return this.inFlight;
	}

}
