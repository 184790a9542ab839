package dev.cog.actuate.endpoint;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Tests for {@link ConcurrencyEndpoint} reporting a max set by an environment variable: the
 * application runs in a child JVM whose environment sets it.
 */
class ConcurrencyEndpointEnvironmentTests {

	private static final String VARIABLE = "COG_CONCURRENCY_INSTANCES_TEST_ENV_SIZED_MAX";

	@Test
	void namesTheEnvironmentVariableAsTheOrigin() throws Exception {
		ProcessBuilder builder = new ProcessBuilder(
				System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-cp",
				System.getProperty("java.class.path"), EndpointTestApplication.class.getName(), "--server.port=0",
				"--management.endpoints.web.exposure.include=concurrency", "--spring.main.banner-mode=off")
			.redirectErrorStream(true);
		builder.environment().put(VARIABLE, "7");
		Process process = builder.start();
		try {
			int port = port(process).get(120, TimeUnit.SECONDS);
			ResponseEntity<Map<String, Object>> response = new Http(port).get("/test.env-sized");
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody()).containsEntry("max", 7).containsEntry("annotationMax", 2);
			assertThat(response.getBody()).extractingByKey("source", MAP)
				.containsEntry("type", "property")
				.containsEntry("property", "cog.concurrency.instances.test.env-sized.max")
				.hasEntrySatisfying("origin", (origin) -> assertThat(origin).asString().contains(VARIABLE))
				.containsEntry("overrideWith",
						Map.of("property", "cog.concurrency.instances.test.env-sized.max", "env", VARIABLE));
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	/**
	 * Read the child's output until it prints its port, and keep draining it afterwards so
	 * that it never blocks on a full pipe.
	 */
	private static CompletableFuture<Integer> port(Process process) {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		StringBuilder output = new StringBuilder();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("PORT=")) {
						port.complete(Integer.parseInt(line.substring(5)));
					}
					else if (!port.isDone()) {
						output.append(line).append('\n');
					}
				}
			}
			catch (IOException ex) {
				// The process ended.
			}
			port.completeExceptionally(new IllegalStateException("The child JVM ended without serving:\n" + output));
		}, "child-jvm-output");
		reader.setDaemon(true);
		reader.start();
		return port;
	}

}
