package dev.cog.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The results of one JMH run, read from its JSON output ({@code -rf json}).
 */
final class Results {

	private final List<Result> results;

	private Results(List<Result> results) {
		this.results = results;
	}

	static Results read(Path json) {
		List<Result> results = new ArrayList<>();
		for (JsonNode node : new ObjectMapper().readTree(json)) {
			String benchmark = node.path("benchmark").asString();
			String[] parts = benchmark.split("\\.");
			Map<String, String> params = new HashMap<>();
			node.path("params").properties().forEach((param) -> params.put(param.getKey(), param.getValue().asString()));
			Map<String, Double> secondary = new HashMap<>();
			node.path("secondaryMetrics")
				.properties()
				.forEach((metric) -> secondary.put(metric.getKey(), metric.getValue().path("score").asDouble()));
			results.add(new Result(parts[parts.length - 2], parts[parts.length - 1], params,
					node.path("primaryMetric").path("score").asDouble(), secondary));
		}
		return new Results(results);
	}

	/**
	 * Find a result's primary score or one of its secondary metrics.
	 * @param benchmark the benchmark class's simple name
	 * @param method the benchmark method
	 * @param metric {@code null} for the primary score, else a secondary metric's name
	 * @param params parameter names and values, alternating, that the result must have
	 * @return the score, if the run has it
	 */
	Optional<Double> score(String benchmark, String method, String metric, String... params) {
		return this.results.stream()
			.filter((result) -> result.benchmark.equals(benchmark) && result.method.equals(method)
					&& result.has(params))
			.findFirst()
			.map((result) -> (metric != null) ? result.secondary.get(metric) : result.score);
	}

	private record Result(String benchmark, String method, Map<String, String> params, double score,
			Map<String, Double> secondary) {

		boolean has(String... expected) {
			for (int i = 0; i < expected.length; i += 2) {
				if (!expected[i + 1].equals(this.params.get(expected[i]))) {
					return false;
				}
			}
			return true;
		}

	}

}
