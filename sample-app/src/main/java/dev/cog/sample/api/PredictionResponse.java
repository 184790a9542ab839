package dev.cog.sample.api;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Cog's prediction response.
 *
 * @param status {@code succeeded}
 * @param input the inputs the prediction ran with
 * @param output what the model produced
 * @param createdAt when the request arrived
 * @param completedAt when the output was ready
 * @param metrics timings, {@code predict_time} in seconds
 */
public record PredictionResponse(String status, Map<String, Object> input, Object output,
		@JsonProperty("created_at") Instant createdAt, @JsonProperty("completed_at") Instant completedAt,
		Map<String, Object> metrics) {

}
