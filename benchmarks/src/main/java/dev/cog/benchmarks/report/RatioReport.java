package dev.cog.benchmarks.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoublePredicate;

import dev.cog.benchmarks.contenders.Contender;

/**
 * Turns a JMH JSON result into the Markdown tables of the README: every figure beside its ratio
 * to the baseline measured in the same run, then each speed bar met or missed.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.cog.benchmarks.report.RatioReport result.json}
 */
public final class RatioReport {

	private static final List<String> SHAPES = List.of("call", "future", "mono");

	private final Results results;

	private final StringBuilder out = new StringBuilder();

	private RatioReport(Results results) {
		this.results = results;
	}

	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("Usage: RatioReport <jmh-result.json>");
			System.exit(2);
		}
		System.out.print(new RatioReport(Results.read(Path.of(args[0]))).render());
	}

	private String render() {
		oneThread();
		fourThreads("FREE", "Four threads, one pool (limit 4; the synchronous pool is 1), calls per us", 1);
		fourThreads("SATURATED",
				"Saturated (limit 2, the synchronous pool 1; four threads, ~2 us of work, reject at once), admitted / rejected per ms",
				1000);
		rejection();
		waiters();
		startup();
		bars();
		return this.out.toString();
	}

	private void oneThread() {
		table("One thread, ns per admitted call (x = ratio to the raw semaphore)", "contender", SHAPES);
		for (Contender contender : Contender.values()) {
			row(contender.name(), SHAPES.stream().map((shape) -> {
				Optional<Double> score = oneThread(contender, shape);
				return format(score, "%.1f") + ratioText(score, oneThread(Contender.SEMAPHORE, shape));
			}).toList());
		}
	}

	private void fourThreads(String load, String title, int scale) {
		table(title + " (x = admitted, ratio to the raw semaphore)", "contender", SHAPES);
		for (Contender contender : Contender.values()) {
			row(contender.name(), SHAPES.stream().map((shape) -> {
				Optional<Double> admitted = tally(load, contender, shape, "admitted").map((v) -> v * scale);
				Optional<Double> rejected = tally(load, contender, shape, "rejected").map((v) -> v * scale);
				Optional<Double> floor = tally(load, Contender.SEMAPHORE, shape, "admitted").map((v) -> v * scale);
				return format(admitted, "%.1f") + " / " + format(rejected, "%.1f")
						+ ratioText(admitted, floor);
			}).toList());
		}
	}

	private void rejection() {
		table("A rejected call, ns (every pool held; Spring never holds a Mono's permit, so its mono is admitted)",
				"contender", SHAPES);
		for (Contender contender : Contender.values()) {
			if (contender.guards()) {
				row(contender.name(), SHAPES.stream()
					.map((shape) -> format(this.results.score("RejectionBenchmark", shape, null, "contender",
							contender.name()), "%.1f"))
					.toList());
			}
		}
	}

	private void waiters() {
		table("10,000 asynchronous callers waiting on a @Concurrent pool of 1", "shape",
				List.of("heap per waiter, bytes", "platform threads started"));
		for (String shape : List.of("FUTURE", "MONO")) {
			row(shape.toLowerCase(Locale.ROOT), List.of(
					format(this.results.score("WaitersBenchmark", "waiters", "heapBytesPerWaiter", "shape", shape), "%.0f"),
					format(this.results.score("WaitersBenchmark", "waiters", "threadsStarted", "shape", shape), "%.0f")));
		}
	}

	private void startup() {
		table("Startup of a Boot application with N @Concurrent methods", "methods",
				List.of("ms", "ms added per method over the previous row"));
		String previous = null;
		for (String methods : List.of("0", "250", "500", "1000")) {
			Optional<Double> ms = startup(methods);
			String slope = (previous != null) ? format(slope(previous, methods), "%.3f") : "";
			row(methods, List.of(format(ms, "%.0f"), slope));
			previous = methods;
		}
	}

	private void bars() {
		this.out.append("\n### Bars\n\n");
		bar("synchronous overhead <= 1.5x (proxy + raw semaphore), metrics off",
				ratio(oneThread(Contender.COG, "call"), oneThread(Contender.SEMAPHORE, "call")), (r) -> r <= 1.5);
		bar("metrics on <= 0.6x Spring @ConcurrencyLimit",
				ratio(oneThread(Contender.COG_METRICS, "call"), oneThread(Contender.SPRING, "call")), (r) -> r <= 0.6);
		// Four threads on a pool of 4: only the asynchronous shapes; the synchronous pool is 1.
		for (String shape : List.of("future", "mono")) {
			bar("four threads >= 1.5x Spring's throughput (" + shape + ")",
					ratio(tally("FREE", Contender.COG, shape, "admitted"),
							tally("FREE", Contender.SPRING, shape, "admitted")), (r) -> r >= 1.5);
			bar("four threads >= 0.9x Resilience4j core's throughput (" + shape + ")",
					ratio(tally("FREE", Contender.COG, shape, "admitted"),
							tally("FREE", Contender.RESILIENCE4J, shape, "admitted")), (r) -> r >= 0.9);
		}
		for (String shape : SHAPES) {
			bar("saturated admitted >= 0.95x the raw semaphore's (" + shape + ")",
					ratio(tally("SATURATED", Contender.COG, shape, "admitted"),
							tally("SATURATED", Contender.SEMAPHORE, shape, "admitted")), (r) -> r >= 0.95);
			bar("a rejection < 100 ns (" + shape + ", ns)",
					this.results.score("RejectionBenchmark", shape, null, "contender", "COG"), (ns) -> ns < 100);
		}
		bar(">= 20x faster than Resilience4j's @Bulkhead (call)",
				ratio(oneThread(Contender.RESILIENCE4J_ANNOTATION, "call"), oneThread(Contender.COG, "call")),
				(r) -> r >= 20);
		for (String shape : List.of("FUTURE", "MONO")) {
			bar("10,000 waiters: < 1 KiB of heap each (" + shape.toLowerCase(Locale.ROOT) + ", bytes)",
					this.results.score("WaitersBenchmark", "waiters", "heapBytesPerWaiter", "shape", shape),
					(bytes) -> bytes < 1024);
			bar("10,000 waiters: no thread each (" + shape.toLowerCase(Locale.ROOT) + ", threads started)",
					this.results.score("WaitersBenchmark", "waiters", "threadsStarted", "shape", shape),
					(threads) -> threads <= 1);
		}
		bar("startup grows linearly (ms per method over 0->1000, to that over 0->500)",
				ratio(slope("0", "1000"), slope("0", "500")), (r) -> r <= 1.5);
	}

	private Optional<Double> oneThread(Contender contender, String shape) {
		return this.results.score("OneThreadBenchmark", shape, null, "contender", contender.name());
	}

	private Optional<Double> tally(String load, Contender contender, String shape, String counter) {
		return this.results.score("FourThreadsBenchmark", shape, counter, "contender", contender.name(), "load", load);
	}

	private Optional<Double> startup(String methods) {
		return this.results.score("StartupBenchmark", "start", null, "methods", methods);
	}

	private Optional<Double> slope(String from, String to) {
		return startup(to).flatMap((t) -> startup(from).map((f) -> (t - f) / (Integer.parseInt(to) - Integer.parseInt(from))));
	}

	private void bar(String name, Optional<Double> value, DoublePredicate met) {
		this.out.append("- ")
			.append(value.map((v) -> met.test(v) ? "MET" : "MISSED").orElse("NOT RUN"))
			.append(": ")
			.append(name)
			.append(value.map((v) -> String.format(Locale.ROOT, ": %.2f", v)).orElse(""))
			.append('\n');
	}

	private void table(String title, String first, List<String> columns) {
		this.out.append("\n### ").append(title).append("\n\n| ").append(first);
		columns.forEach((column) -> this.out.append(" | ").append(column));
		this.out.append(" |\n|---");
		columns.forEach((column) -> this.out.append("|---:"));
		this.out.append("|\n");
	}

	private void row(String first, List<String> cells) {
		this.out.append("| ").append(first);
		cells.forEach((cell) -> this.out.append(" | ").append(cell));
		this.out.append(" |\n");
	}

	private static Optional<Double> ratio(Optional<Double> value, Optional<Double> baseline) {
		return value.flatMap((v) -> baseline.map((b) -> v / b));
	}

	private static String ratioText(Optional<Double> value, Optional<Double> baseline) {
		return ratio(value, baseline).map((r) -> String.format(Locale.ROOT, " (%.2fx)", r)).orElse("");
	}

	private static String format(Optional<Double> value, String pattern) {
		return value.map((v) -> String.format(Locale.ROOT, pattern, v)).orElse("-");
	}

}
