package dev.cog.sample.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.cog.sample.model.TextGenerator;

/**
 * Cog's HTTP prediction API: {@code POST /predictions} with {@code {"input": {"prompt": "...",
 * "max_tokens": 8}}}.
 */
@RestController
public class PredictionController {

	private static final int DEFAULT_MAX_TOKENS = 8;

	private final TextGenerator generator;

	public PredictionController(TextGenerator generator) {
		this.generator = generator;
	}

	@PostMapping("/predictions")
	public CompletableFuture<PredictionResponse> predict(@RequestBody PredictionRequest request) {
		Instant created = Instant.now();
		Map<String, Object> input = (request.input() != null) ? request.input() : Map.of();
		String prompt = prompt(input);
		int maxTokens = maxTokens(input);
		return this.generator.generate(prompt, maxTokens).thenApply((output) -> {
			Instant completed = Instant.now();
			double predictTime = Duration.between(created, completed).toNanos() / 1e9;
			return new PredictionResponse("succeeded", new LinkedHashMap<>(input), output, created, completed,
					Map.of("predict_time", predictTime));
		});
	}

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Invalid input");
		return problem;
	}

	private static String prompt(Map<String, Object> input) {
		if (!(input.get("prompt") instanceof String prompt) || prompt.isBlank()) {
			throw new InvalidInputException("input.prompt is required: a non-empty string to generate from");
		}
		return prompt;
	}

	private static int maxTokens(Map<String, Object> input) {
		Object value = input.getOrDefault("max_tokens", DEFAULT_MAX_TOKENS);
		if (!(value instanceof Integer maxTokens) || maxTokens < 1 || maxTokens > 512) {
			throw new InvalidInputException("input.max_tokens must be a whole number from 1 to 512, not " + value);
		}
		return maxTokens;
	}

	static final class InvalidInputException extends RuntimeException {

		InvalidInputException(String message) {
			super(message);
		}

	}

}
