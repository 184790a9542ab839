package dev.cog.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

import dev.cog.sample.model.TokenClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests the sample app over real HTTP: four predictions run at once, a fifth is turned away
 * with a 503 problem, and the four then succeed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PredictionsTests {

	private static final List<CompletableFuture<Void>> pendingTokens = new CopyOnWriteArrayList<>();

	@TestBean
	private TokenClock tokenClock;

	@LocalServerPort
	private int port;

	private final HttpClient client = HttpClient.newHttpClient();

	static TokenClock tokenClock() {
		return () -> {
			CompletableFuture<Void> token = new CompletableFuture<>();
			pendingTokens.add(token);
			return token;
		};
	}

	@Test
	void fourPredictionsRunAtOnceAndAFifthGets503() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			held.add(this.client.sendAsync(predict("prompt " + i), BodyHandlers.ofString()));
		}
		await().until(() -> pendingTokens.size() == 4);
		HttpResponse<String> rejected = this.client.send(predict("one too many"), BodyHandlers.ofString());
		assertThat(rejected.statusCode()).isEqualTo(503);
		assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(rejected.body()).contains("\"bulkhead\":\"text-generator.generate\"", "\"max\":4");
		assertThat(held).noneMatch(CompletableFuture::isDone);
		pendingTokens.forEach((token) -> token.complete(null));
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> answer = held.get(i).get(30, TimeUnit.SECONDS);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains("\"status\":\"succeeded\"", "\"output\":\"prompt\"");
		}
	}

	@Test
	void aPromptIsRequired() throws Exception {
		HttpResponse<String> answer = this.client.send(request("{\"input\": {}}"), BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("input.prompt is required");
	}

	private HttpRequest predict(String prompt) {
		return request("{\"input\": {\"prompt\": \"" + prompt + "\", \"max_tokens\": 1}}");
	}

	private HttpRequest request(String body) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/predictions"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
