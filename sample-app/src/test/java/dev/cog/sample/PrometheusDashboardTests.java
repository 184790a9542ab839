package dev.cog.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scrapes the running sample's {@code /actuator/prometheus} and checks that every metric the
 * Grafana dashboard queries is there, so that the dashboard cannot drift from the meters.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.model.token-delay=1ms")
class PrometheusDashboardTests {

	private static final Path DASHBOARD = Path.of("grafana", "cog-concurrency-dashboard.json");

	private static final Pattern METRIC = Pattern.compile("\\bcog_[a-z0-9_]+");

	@LocalServerPort
	private int port;

	@Test
	void everyMetricTheDashboardQueriesIsScraped() throws IOException {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		Map<String, Object> prediction = client.post()
			.uri("/predictions")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"input\": {\"prompt\": \"hello world\", \"max_tokens\": 2}}")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(prediction).containsEntry("status", "succeeded");
		String scrape = client.get().uri("/actuator/prometheus").retrieve().body(String.class);
		Set<String> queried = metrics(Files.readString(DASHBOARD));
		assertThat(queried).isNotEmpty();
		assertThat(queried).allSatisfy((metric) -> assertThat(scrape)
			.containsPattern("(?m)^" + metric + "\\{[^}]*name=\"text-generator\\.generate\""));
		assertThat(scrape).containsPattern(
				"(?m)^cog_concurrency_calls_seconds_count\\{[^}]*outcome=\"success\"[^}]*\\} 1(\\.0)?$");
	}

	private static Set<String> metrics(String dashboard) {
		Set<String> metrics = new TreeSet<>();
		Matcher matcher = METRIC.matcher(dashboard);
		while (matcher.find()) {
			metrics.add(matcher.group());
		}
		return metrics;
	}

}
