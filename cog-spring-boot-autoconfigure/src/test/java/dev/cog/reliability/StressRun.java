package dev.cog.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;

import dev.cog.ConcurrencyLimitExceededException;
import dev.cog.bulkhead.Bulkhead;
import dev.cog.pool.PermitPool;

import static org.awaitility.Awaitility.await;

/**
 * Many threads calling every shape of a {@link StressTarget} with random plans while another
 * thread resizes the asynchronous bulkhead. Each worker draws from its own {@link Random}
 * seeded from the run's seed.
 */
final class StressRun {

	private static final Duration LIMIT = Duration.ofSeconds(30);

	/** Threads that interrupt parked callers and subscribe to {@code Mono}s whose body blocks. */
	private static final ExecutorService HELPERS = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "stress-helper");
		thread.setDaemon(true);
		return thread;
	});

	private static final String[] SHAPES = { "sync", "future", "stage", "mono", "callable", "flux" };

	private final StressTarget target;

	private final Bulkhead syncBulkhead;

	private final Bulkhead asyncBulkhead;

	private final long seed;

	private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong resizes = new AtomicLong();

	private final AtomicBoolean stop = new AtomicBoolean();

	StressRun(StressTarget target, Bulkhead syncBulkhead, Bulkhead asyncBulkhead, long seed) {
		this.target = target;
		this.syncBulkhead = syncBulkhead;
		this.asyncBulkhead = asyncBulkhead;
		this.seed = seed;
	}

	/**
	 * Run {@code threads} workers until each made {@code callsPerThread} calls or the duration
	 * passed, resizing the asynchronous bulkhead meanwhile.
	 */
	void run(int threads, long callsPerThread, Duration duration) throws Exception {
		this.target.asyncInFlight().ceiling = this.asyncBulkhead.pool().max();
		this.target.syncInFlight().ceiling = 1;
		long deadline = System.nanoTime() + duration.toNanos();
		List<Thread> workers = new ArrayList<>();
		List<Throwable> failures = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Random random = new Random(this.seed + i);
			Thread worker = new Thread(() -> {
				try {
					for (long n = 0; n < callsPerThread && System.nanoTime() < deadline; n++) {
						call(random);
					}
				}
				catch (Throwable ex) {
					synchronized (failures) {
						failures.add(ex);
					}
				}
			}, "stress-" + i);
			workers.add(worker);
			worker.start();
		}
		Thread resizer = new Thread(() -> resizeWhile(new Random(this.seed - 1)), "stress-resizer");
		resizer.start();
		for (Thread worker : workers) {
			worker.join(duration.plus(LIMIT).toMillis());
		}
		this.stop.set(true);
		resizer.join(LIMIT.toMillis());
		if (!failures.isEmpty()) {
			AssertionError error = new AssertionError("A worker failed");
			failures.forEach(error::addSuppressed);
			throw error;
		}
	}

	private void call(Random random) throws Exception {
		Thread.interrupted();
		String shape = SHAPES[random.nextInt(SHAPES.length)];
		StressCall.Plan plan = plan(random, shape);
		long work = (random.nextInt(50) == 0) ? 10_000 : random.nextInt(300);
		StressCall call = new StressCall(plan, work);
		String outcome = switch (shape) {
			case "sync" -> sync(call);
			case "future" -> future(this.target.future(call), call, random.nextBoolean());
			case "stage" -> future(this.target.stage(call).toCompletableFuture(), call, random.nextBoolean());
			case "mono" -> mono(call, random.nextBoolean());
			case "callable" -> callable(call, random.nextBoolean());
			default -> flux(call);
		};
		this.outcomes.computeIfAbsent(shape + " " + plan.name().toLowerCase() + " -> " + outcome,
				(key) -> new LongAdder()).increment();
		this.calls.incrementAndGet();
	}

	private static StressCall.Plan plan(Random random, String shape) {
		int draw = random.nextInt(10);
		if (draw < 6) {
			return StressCall.Plan.SUCCESS;
		}
		if (draw < 8) {
			return StressCall.Plan.ERROR;
		}
		return shape.equals("sync") ? StressCall.Plan.INTERRUPT : StressCall.Plan.CANCEL;
	}

	private String sync(StressCall call) throws Exception {
		CompletableFuture<Void> interrupter = CompletableFuture.completedFuture(null);
		AtomicBoolean returned = new AtomicBoolean();
		if (call.plan() == StressCall.Plan.INTERRUPT) {
			interrupter = interruptWhenParked(Thread.currentThread(), returned);
		}
		try {
			this.target.sync(call);
			return "success";
		}
		catch (StressCall.Failure ex) {
			return "error";
		}
		catch (ConcurrencyLimitExceededException ex) {
			return rejection(ex);
		}
		finally {
			returned.set(true);
			interrupter.orTimeout(LIMIT.toMillis(), TimeUnit.MILLISECONDS).join();
			Thread.interrupted();
		}
	}

	/** Interrupt the caller once it parks in the pool, unless its call returns first. */
	private CompletableFuture<Void> interruptWhenParked(Thread caller, AtomicBoolean returned) {
		PermitPool pool = this.syncBulkhead.pool();
		return CompletableFuture.runAsync(() -> {
			long deadline = System.nanoTime() + LIMIT.toNanos();
			while (!returned.get() && System.nanoTime() < deadline) {
				if (LockSupport.getBlocker(caller) == pool) {
					caller.interrupt();
					return;
				}
				Thread.yield();
			}
		}, HELPERS);
	}

	private String future(CompletableFuture<String> stage, StressCall call, boolean cancelAtOnce) throws Exception {
		if (call.plan() == StressCall.Plan.CANCEL) {
			endAndCancel(call, stage, cancelAtOnce, () -> stage.cancel(true));
		}
		try {
			stage.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
			return "success";
		}
		catch (ExecutionException ex) {
			return classify(ex.getCause());
		}
		catch (java.util.concurrent.CancellationException ex) {
			return "cancelled";
		}
	}

	private String mono(StressCall call, boolean cancelAtOnce) throws Exception {
		CompletableFuture<String> result = new CompletableFuture<>();
		Disposable subscription = this.target.mono(call)
			.subscribe((value) -> result.complete("success"), result::completeExceptionally,
					() -> result.complete("empty"));
		if (call.plan() == StressCall.Plan.CANCEL) {
			endAndCancel(call, result, cancelAtOnce, subscription::dispose);
			return result.isDone() ? outcome(result) : "cancelled";
		}
		return outcome(result);
	}

	/**
	 * The body runs on the subscribing thread when it requests, so a cancel once the body runs
	 * comes from this worker while another thread subscribes.
	 */
	private String callable(StressCall call, boolean cancelAtOnce) throws Exception {
		Mono<String> mono = this.target.callable(call);
		if (call.plan() != StressCall.Plan.CANCEL) {
			return outcome(mono.map((value) -> "success").toFuture());
		}
		CompletableFuture<String> result = new CompletableFuture<>();
		BaseSubscriber<String> subscriber = new BaseSubscriber<>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				if (cancelAtOnce) {
					dispose();
				}
				else {
					subscription.request(1);
				}
			}

			@Override
			protected void hookOnNext(String value) {
				result.complete("success");
			}

			@Override
			protected void hookOnError(Throwable failure) {
				result.completeExceptionally(failure);
			}

		};
		CompletableFuture<Void> subscribed = CompletableFuture.runAsync(() -> mono.subscribe(subscriber),
				HELPERS);
		endAndCancel(call, result, cancelAtOnce, subscriber::dispose);
		subscribed.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
		return result.isDone() ? outcome(result) : "cancelled";
	}

	private String flux(StressCall call) throws Exception {
		CompletableFuture<String> result = new CompletableFuture<>();
		this.target.flux(call)
			.take((call.plan() == StressCall.Plan.CANCEL) ? 1 : Long.MAX_VALUE)
			.collectList()
			.subscribe((items) -> result.complete((items.size() == 1) ? "cancelled" : "success"),
					result::completeExceptionally);
		return outcome(result);
	}

	/**
	 * Cancel a call, at once or once its body runs (or it failed without running), ending it
	 * first so that it is never counted after its slot may be free.
	 */
	private void endAndCancel(StressCall call, CompletableFuture<?> result, boolean cancelAtOnce, Runnable cancel)
			throws Exception {
		if (!cancelAtOnce) {
			CompletableFuture.anyOf(call.entered, result.exceptionally((ex) -> null))
				.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		call.end(this.target.asyncInFlight());
		cancel.run();
	}

	private static String outcome(CompletableFuture<String> result) throws Exception {
		try {
			return result.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			return classify(ex.getCause());
		}
	}

	private static String classify(Throwable failure) {
		if (failure instanceof StressCall.Failure) {
			return "error";
		}
		if (failure instanceof ConcurrencyLimitExceededException rejection) {
			return rejection(rejection);
		}
		throw new AssertionError("Unexpected failure", failure);
	}

	private static String rejection(ConcurrencyLimitExceededException ex) {
		String message = ex.getMessage();
		if (message.contains("interrupted")) {
			return "rejected (interrupted)";
		}
		if (message.contains("max-wait")) {
			return "rejected (timed out)";
		}
		throw new AssertionError("Unexpected rejection: " + message);
	}

	/**
	 * Resize the asynchronous bulkhead every few calls. The in-flight ceiling rises before a
	 * grow, and falls after a shrink only once the calls admitted before it have left.
	 */
	private void resizeWhile(Random random) {
		PermitPool pool = this.asyncBulkhead.pool();
		StressTarget.InFlight inFlight = this.target.asyncInFlight();
		while (!this.stop.get()) {
			int max = 1 + random.nextInt(6);
			if (max >= pool.max()) {
				inFlight.ceiling = max;
				this.asyncBulkhead.resize(max);
			}
			else {
				this.asyncBulkhead.resize(max);
				await().atMost(LIMIT).pollInSameThread().pollInterval(Duration.ofMillis(1))
					.until(() -> pool.active() <= max);
				inFlight.ceiling = max;
			}
			this.resizes.incrementAndGet();
			long next = this.calls.get() + 20;
			await().atMost(LIMIT).pollInSameThread().pollInterval(Duration.ofMillis(1))
				.until(() -> this.stop.get() || this.calls.get() >= next);
		}
	}

	long calls() {
		return this.calls.get();
	}

	long resizes() {
		return this.resizes.get();
	}

	Map<String, Long> outcomes() {
		Map<String, Long> sorted = new TreeMap<>();
		this.outcomes.forEach((key, count) -> sorted.put(key, count.sum()));
		return sorted;
	}

}
