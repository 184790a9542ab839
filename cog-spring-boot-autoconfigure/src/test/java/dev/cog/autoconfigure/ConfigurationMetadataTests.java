package dev.cog.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import org.assertj.core.api.InstanceOfAssertFactories;

/**
 * Tests for the generated {@code META-INF/spring-configuration-metadata.json}.
 */
class ConfigurationMetadataTests {

	@Test
	void describesEveryKeyOfTheContract() throws IOException {
		List<String> names = JsonPath.read(metadata(), "$.properties[*].name");
		assertThat(names).contains("cog.max-concurrency", "cog.concurrency.enabled", "cog.concurrency.max-wait",
				"cog.concurrency.instances", "cog.concurrency.rejection-stack-traces", "cog.concurrency.retry-after",
				"cog.concurrency.health.saturated-out-of-service", "management.endpoint.concurrency.access",
				"management.health.concurrency.enabled");
		List<Map<String, Object>> described = JsonPath.read(metadata(),
				"$.properties[?(@.name =~ /cog\\..*/)]");
		assertThat(described).allSatisfy((property) -> assertThat(property).containsKey("description"));
	}

	@Test
	void maxWaitIsADurationThatDefaultsToZero() throws IOException {
		List<Map<String, Object>> maxWait = JsonPath.read(metadata(),
				"$.properties[?(@.name == 'cog.concurrency.max-wait')]");
		assertThat(maxWait).singleElement()
			.satisfies((property) -> assertThat(property).containsEntry("type", "java.time.Duration")
				.containsEntry("defaultValue", "0"));
	}

	@Test
	void globalMaxIsDeprecatedForThePerBulkheadKeys() throws IOException {
		List<Map<String, Object>> globalMax = JsonPath.read(metadata(),
				"$.properties[?(@.name == 'cog.max-concurrency')]");
		assertThat(globalMax).singleElement().satisfies((property) -> {
			assertThat(property).containsEntry("deprecated", true);
			assertThat(property.get("deprecation")).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("replacement", "cog.concurrency.instances")
				.containsEntry("level", "warning");
		});
	}

	private static String metadata() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
