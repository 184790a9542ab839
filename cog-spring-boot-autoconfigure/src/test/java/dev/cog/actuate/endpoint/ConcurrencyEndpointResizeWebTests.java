package dev.cog.actuate.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dev.cog.bulkhead.BulkheadRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Tests for resizing through {@link ConcurrencyEndpoint} over HTTP with unrestricted access.
 */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=concurrency",
				"management.endpoint.concurrency.access=unrestricted",
				"cog.concurrency.instances.test.annotation-sized.max-wait=1m" })
class ConcurrencyEndpointResizeWebTests {

	@LocalServerPort
	private int port;

	@Autowired
	private EndpointTestApplication.Models models;

	@Autowired
	private BulkheadRegistry registry;

	@Test
	void growingAdmitsWaitersAtOnceAndShrinkingLetsCallsInFlightFinish() {
		List<CompletableFuture<String>> held = new ArrayList<>();
		List<CompletableFuture<String>> calls = new ArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				CompletableFuture<String> result = new CompletableFuture<>();
				held.add(result);
				calls.add(this.models.annotationSized(result));
			}
			assertThat(http().get("/test.annotation-sized").getBody()).containsEntry("active", 3)
				.containsEntry("waiting", 2);

			ResponseEntity<Map<String, Object>> grown = http().post("/test.annotation-sized", 5);
			assertThat(grown.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(grown.getBody()).containsEntry("max", 5)
				.containsEntry("active", 5)
				.containsEntry("waiting", 0)
				.containsEntry("available", 0);
			assertThat(grown.getBody()).extractingByKey("source", MAP).containsEntry("type", "runtime");

			ResponseEntity<Map<String, Object>> shrunk = http().post("/test.annotation-sized", 2);
			assertThat(shrunk.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(shrunk.getBody()).containsEntry("max", 2).containsEntry("active", 5);
			assertThat(calls).noneMatch(CompletableFuture::isDone);

			for (int i = 0; i < 3; i++) {
				held.get(i).complete("done");
			}
			assertThat(calls.subList(0, 3)).allMatch(CompletableFuture::isDone);
			CompletableFuture<String> late = new CompletableFuture<>();
			held.add(late);
			calls.add(this.models.annotationSized(late));
			assertThat(http().get("/test.annotation-sized").getBody()).containsEntry("active", 2)
				.containsEntry("waiting", 1);
			held.get(3).complete("done");
			assertThat(http().get("/test.annotation-sized").getBody()).containsEntry("active", 2)
				.containsEntry("waiting", 0);
		}
		finally {
			held.forEach((result) -> result.complete("done"));
		}
		assertThat(calls).allMatch(CompletableFuture::isDone);
		assertThat(this.registry.get("test.annotation-sized").pool().active()).isZero();
	}

	@Test
	void refusesAMaxBelowOne() {
		ResponseEntity<Map<String, Object>> response = http().post("/test.property-sized", 0);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.registry.get("test.property-sized").pool().max()).isEqualTo(2);
	}

	@Test
	void refusesAMaxAboveOneForASynchronousBulkhead() {
		ResponseEntity<Map<String, Object>> response = http().post("/test.sync", 2);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.registry.get("test.sync").pool().max()).isOne();
	}

	@Test
	void refusesAMaxThatIsNotANumber() {
		ResponseEntity<Map<String, Object>> response = http().post("/test.property-sized", "many");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void refusesToResizeAnUnknownName() {
		assertThat(http().post("/test.unknown", 2).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private Http http() {
		return new Http(this.port);
	}

}
