package dev.cog.actuate.endpoint;

import java.util.List;
import java.util.Map;

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
 * Tests for {@link ConcurrencyEndpoint} over HTTP with its default, read-only access.
 */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=concurrency",
				"spring.config.import=classpath:endpoint-test.properties" })
class ConcurrencyEndpointWebTests {

	private static final String MODELS = EndpointTestApplication.Models.class.getName();

	@LocalServerPort
	private int port;

	@Autowired
	private BulkheadRegistry registry;

	@Test
	void readsEveryBulkhead() {
		ResponseEntity<Map<String, Object>> response = http().get("");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).extractingByKey("bulkheads", MAP)
			.containsOnlyKeys("test.annotation-sized", "test.env-sized", "test.property-sized", "test.sync");
	}

	@Test
	void describesAnAnnotationSizedBulkhead() {
		ResponseEntity<Map<String, Object>> response = http().get("/test.annotation-sized");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).containsEntry("name", "test.annotation-sized")
			.containsEntry("methods", List.of(MODELS + "#annotationSized(CompletableFuture)"))
			.containsEntry("async", true)
			.containsEntry("max", 3)
			.containsEntry("active", 0)
			.containsEntry("waiting", 0)
			.containsEntry("available", 3)
			.containsEntry("maxWait", "PT1M")
			.containsEntry("rejected", 0)
			.containsEntry("annotationMax", 3);
		assertThat(response.getBody()).extractingByKey("source", MAP)
			.containsEntry("type", "annotation")
			.containsEntry("overrideWith", Map.of("property", "cog.concurrency.instances.test.annotation-sized.max",
					"env", "COG_CONCURRENCY_INSTANCES_TEST_ANNOTATION_SIZED_MAX"));
		assertThat(((Map<?, ?>) response.getBody().get("source")).get("property")).isNull();
		assertThat(((Map<?, ?>) response.getBody().get("source")).get("origin")).isNull();
	}

	@Test
	void describesAPropertySizedBulkheadWithTheFileAndLine() {
		ResponseEntity<Map<String, Object>> response = http().get("/test.property-sized");
		assertThat(response.getBody()).containsEntry("max", 5).containsEntry("annotationMax", 2)
			.containsEntry("available", 5)
			.containsEntry("maxWait", "PT0S");
		assertThat(response.getBody()).extractingByKey("source", MAP)
			.containsEntry("type", "property")
			.containsEntry("property", "cog.concurrency.instances.test.property-sized.max")
			.containsEntry("overrideWith", Map.of("property", "cog.concurrency.instances.test.property-sized.max",
					"env", "COG_CONCURRENCY_INSTANCES_TEST_PROPERTY_SIZED_MAX"))
			.hasEntrySatisfying("origin", (origin) -> assertThat(origin).asString()
				.contains("endpoint-test.properties")
				.contains(" - 1:"));
	}

	@Test
	void describesASynchronousBulkhead() {
		ResponseEntity<Map<String, Object>> response = http().get("/test.sync");
		assertThat(response.getBody()).containsEntry("async", false)
			.containsEntry("max", 1)
			.containsEntry("methods", List.of(MODELS + "#sync(String)"));
	}

	@Test
	void answers404ForAnUnknownName() {
		assertThat(http().get("/test.unknown").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void refusesResizeWithoutUnrestrictedAccess() {
		ResponseEntity<Map<String, Object>> response = http().post("/test.property-sized", 4);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(this.registry.get("test.property-sized").pool().max()).isEqualTo(5);
	}

	private Http http() {
		return new Http(this.port);
	}

}
