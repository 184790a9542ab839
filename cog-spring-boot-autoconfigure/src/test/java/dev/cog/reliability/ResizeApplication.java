package dev.cog.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.cog.Concurrent;

/**
 * A web application with one asynchronous bulkhead, {@code model.generate} (max 2), whose size
 * the tests try to change over HTTP.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ResizeApplication {

	static final String RESIZE = "/actuator/concurrency/model.generate";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Bean
	Model model() {
		return new Model();
	}

	public static class Model {

		@Concurrent(max = 2)
		public CompletableFuture<String> generate() {
			return CompletableFuture.completedFuture("text");
		}

	}

	/** POST {@code {"max": N}} to the resize path, with HTTP Basic credentials if given. */
	static HttpResponse<String> resize(int port, int max, @Nullable String user)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + RESIZE))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"max\": " + max + "}"));
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
