package dev.cog.actuate.endpoint;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Reads and writes the {@code concurrency} endpoint over real HTTP, whatever the status.
 */
final class Http {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final RestClient client;

	Http(int port) {
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + port + "/actuator/concurrency")
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	ResponseEntity<Map<String, Object>> get(String path) {
		return this.client.get().uri(path).retrieve().toEntity(JSON);
	}

	ResponseEntity<Map<String, Object>> post(String path, @Nullable Object max) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("max", (max != null) ? max : ""))
			.retrieve()
			.toEntity(JSON);
	}

}
