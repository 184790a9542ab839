package dev.cog.sample.api;

import java.util.Map;

/**
 * Cog's prediction request: {@code {"input": {...}}}.
 *
 * @param input the model's inputs by name
 */
public record PredictionRequest(Map<String, Object> input) {

}
