package dev.cog.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web rejection tests, run once per web stack by a subclass: for a {@code CompletionStage}
 * and a {@code Mono} method, a held call, a rejected one answered with 503 problem JSON and
 * {@code Retry-After}, then the held one succeeding.
 */
abstract class WebRejectionTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private HeldModel model;

	@Test
	void rejectedCompletionStageCallAnswers503() throws Exception {
		assertRejectedWhileFull("/future");
	}

	@Test
	void rejectedMonoSubscriptionAnswers503() throws Exception {
		assertRejectedWhileFull("/mono");
	}

	private void assertRejectedWhileFull(String path) throws Exception {
		int before = this.model.inFlight().size();
		CompletableFuture<HttpResponse<String>> held = this.client.sendAsync(request(path), BodyHandlers.ofString());
		await().until(() -> this.model.inFlight().size() == before + 1);
		HttpResponse<String> rejected = this.client.send(request(path), BodyHandlers.ofString());
		assertThat(rejected.statusCode()).isEqualTo(503);
		assertThat(rejected.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(rejected.body()).contains("\"status\":503")
			.contains("\"title\":\"Concurrency limit reached\"")
			.contains("\"bulkhead\":\"held-model.predict")
			.contains("\"max\":1")
			.contains("has all 1 slot taken");
		this.model.inFlight().get(before).complete("done");
		HttpResponse<String> answered = held.get(30, TimeUnit.SECONDS);
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.body()).isEqualTo("done");
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WebApplication {

		@Bean
		HeldModel heldModel() {
			return new HeldModel();
		}

		@Bean
		PredictionController predictionController(HeldModel heldModel) {
			return new PredictionController(heldModel);
		}

	}

	@RestController
	static class PredictionController {

		private final HeldModel model;

		PredictionController(HeldModel model) {
			this.model = model;
		}

		@GetMapping("/future")
		CompletableFuture<String> future() {
			return this.model.predict();
		}

		@GetMapping("/mono")
		Mono<String> mono() {
			return this.model.predictReactively();
		}

	}

}
