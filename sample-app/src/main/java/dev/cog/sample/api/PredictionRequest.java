package dev.cog.sample.api;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Cog's prediction request: {@code {"input": {...}}}.
 *
 * @param input the model's inputs by name, {@code null} when the body has none
 */
public record PredictionRequest(@Nullable Map<String, Object> input) {

}
