package dev.cog.reliability;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.cog.Concurrent;

/**
 * The bean the stress tests call through its Spring proxy. It counts the calls in its bodies on
 * its own, apart from the pool, and records every time that count passes the ceiling the test
 * allows.
 */
public class StressTarget {

	static final String SYNC = "stress.sync";

	static final String ASYNC = "stress.async";

	private final InFlight sync = new InFlight();

	private final InFlight async = new InFlight();

	@Concurrent(name = SYNC)
	public String sync(StressCall call) {
		this.sync.enter(call);
		try {
			CompletableFuture.runAsync(() -> {
			}, after(call)).join();
			if (call.plan() == StressCall.Plan.ERROR) {
				throw new StressCall.Failure();
			}
			return "done";
		}
		finally {
			call.end(this.sync);
		}
	}

	@Concurrent(name = ASYNC, max = 4)
	public CompletableFuture<String> future(StressCall call) {
		this.async.enter(call);
		CompletableFuture<String> result = new CompletableFuture<>();
		if (call.plan() != StressCall.Plan.CANCEL) {
			after(call).execute(() -> {
				call.end(this.async);
				if (call.plan() == StressCall.Plan.ERROR) {
					result.completeExceptionally(new StressCall.Failure());
				}
				else {
					result.complete("done");
				}
			});
		}
		return result;
	}

	/** A {@code CompletionStage} that is no {@code Future}: cancelling the caller's stage cannot cancel it. */
	@Concurrent(name = ASYNC, max = 4)
	public CompletionStage<String> stage(StressCall call) {
		CompletableFuture<String> result = future(call);
		return (CompletionStage<String>) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { CompletionStage.class }, (proxy, method, args) -> method.invoke(result, args));
	}

	@Concurrent(name = ASYNC, max = 4)
	public Mono<String> mono(StressCall call) {
		return Mono.<String>create((sink) -> {
			this.async.enter(call);
			if (call.plan() != StressCall.Plan.CANCEL) {
				after(call).execute(() -> {
					call.end(this.async);
					if (call.plan() == StressCall.Plan.ERROR) {
						sink.error(new StressCall.Failure());
					}
					else {
						sink.success("done");
					}
				});
			}
		}).doOnCancel(() -> call.end(this.async));
	}

	/**
	 * A {@code Mono} Reactor can call directly: its body runs on the subscriber's request, or,
	 * when it waited, on the thread that freed its slot. So the body parks rather than waiting
	 * for the work threads, which may be the ones running it.
	 */
	@Concurrent(name = ASYNC, max = 4)
	public Mono<String> callable(StressCall call) {
		return Mono.fromCallable(() -> {
			this.async.enter(call);
			try {
				LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(call.workMicros()));
				if (call.plan() == StressCall.Plan.ERROR) {
					throw new StressCall.Failure();
				}
				return "done";
			}
			finally {
				call.end(this.async);
			}
		});
	}

	@Concurrent(name = ASYNC, max = 4)
	public Flux<Integer> flux(StressCall call) {
		return Flux.<Integer>create((sink) -> {
			this.async.enter(call);
			after(call).execute(() -> {
				sink.next(1);
				if (call.plan() == StressCall.Plan.CANCEL) {
					return;
				}
				call.end(this.async);
				if (call.plan() == StressCall.Plan.ERROR) {
					sink.error(new StressCall.Failure());
				}
				else {
					sink.next(2);
					sink.complete();
				}
			});
		}).doOnCancel(() -> call.end(this.async));
	}

	public InFlight syncInFlight() {
		return this.sync;
	}

	public InFlight asyncInFlight() {
		return this.async;
	}

	private static final Executor WORK = Executors.newFixedThreadPool(4, (task) -> {
		Thread thread = new Thread(task, "stress-work");
		thread.setDaemon(true);
		return thread;
	});

	private static Executor after(StressCall call) {
		return CompletableFuture.delayedExecutor(call.workMicros(), TimeUnit.MICROSECONDS, WORK);
	}

	/** Calls inside a body, counted apart from the pool. */
	static final class InFlight {

		private final AtomicInteger count = new AtomicInteger();

		private final List<String> violations = new CopyOnWriteArrayList<>();

		/** The most calls that may be in bodies at once; raised before a grow, lowered after a shrink drains. */
		volatile int ceiling = Integer.MAX_VALUE;

		void enter(StressCall call) {
			if (call.enter()) {
				int now = this.count.incrementAndGet();
				int allowed = this.ceiling;
				if (now > allowed) {
					this.violations.add(now + " calls in flight, ceiling " + allowed);
				}
			}
		}

		void leave() {
			this.count.decrementAndGet();
		}

		int count() {
			return this.count.get();
		}

		List<String> violations() {
			return this.violations;
		}

	}

}
