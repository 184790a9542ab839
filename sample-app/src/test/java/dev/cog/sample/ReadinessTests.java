package dev.cog.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.web.client.RestClient;

import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.sample.model.TokenClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Holds every slot of the model with a gated {@link TokenClock} and checks what an operator
 * sees: readiness OUT_OF_SERVICE, the next prediction rejected with 503 and counted, and all
 * of it back to normal once the predictions finish.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReadinessTests {

	private static final CompletableFuture<Void> gate = new CompletableFuture<>();

	@TestBean
	private TokenClock tokenClock;

	@LocalServerPort
	private int port;

	@Autowired
	private BulkheadRegistry bulkheads;

	static TokenClock tokenClock() {
		return () -> gate;
	}

	@Test
	void fullModelTakesTheInstanceOutOfRotationUntilASlotFrees() {
		RestClient client = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
		List<CompletableFuture<HttpStatusCode>> predictions = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				predictions.add(CompletableFuture.supplyAsync(() -> predict(client)));
			}
			await().until(() -> this.bulkheads.get("text-generator.generate").pool().active() == 4);
			assertThat(client.get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode())
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(predict(client)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(client.get().uri("/actuator/prometheus").retrieve().body(String.class))
				.contains("cog_concurrency_rejected_calls_total{name=\"text-generator.generate\"} 1.0")
				.contains("cog_concurrency_active_slots{name=\"text-generator.generate\"} 4.0");
		}
		finally {
			gate.complete(null);
		}
		assertThat(predictions).allSatisfy((prediction) -> assertThat(prediction.join()).isEqualTo(HttpStatus.OK));
		await().untilAsserted(() -> assertThat(
				client.get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.OK));
	}

	private static HttpStatusCode predict(RestClient client) {
		return client.post()
			.uri("/predictions")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"input\": {\"prompt\": \"hello\", \"max_tokens\": 1}}")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode();
	}

}
