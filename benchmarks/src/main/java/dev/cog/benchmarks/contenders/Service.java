package dev.cog.benchmarks.contenders;

import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;

/**
 * The method every contender guards, in the three call shapes. Each contender is a subclass
 * that adds its own annotation or wraps another service, so every call site sees one type.
 */
public class Service {

	private Work work = Work.NONE;

	/**
	 * Set what each call does inside its slot.
	 * @param work the work
	 */
	public void workWith(Work work) {
		this.work = work;
	}

	/**
	 * A synchronous call.
	 * @param x any number
	 * @return {@code x + 1}
	 */
	public int call(int x) {
		this.work.run();
		return x + 1;
	}

	/**
	 * A call that returns a completed future; the work runs before it returns.
	 * @param x any number
	 * @return a future of {@code x + 1}
	 */
	public CompletableFuture<Integer> future(int x) {
		this.work.run();
		return CompletableFuture.completedFuture(x + 1);
	}

	/**
	 * A call that returns a {@code Mono}; the work runs on subscription.
	 * @param x any number
	 * @return a mono of {@code x + 1}
	 */
	public Mono<Integer> mono(int x) {
		return Mono.fromSupplier(() -> {
			this.work.run();
			return x + 1;
		});
	}

}
