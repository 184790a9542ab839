package dev.cog.resolve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the precedence rule with real environment variables: each case starts
 * {@link PrecedenceProbe} in a child JVM whose environment the test sets.
 */
class EnvironmentPrecedenceTests {

	private static final String YAML = "--spring.config.location=classpath:precedence.yaml";

	private static final String OWN_ENV = "COG_CONCURRENCY_INSTANCES_PROBE_GENERATE_MAX";

	@Test
	void annotationDecidesWhenNothingIsSet() throws Exception {
		assertThat(run(Map.of())).contains("RESOLVED probe.generate max=2 from the @Concurrent annotation",
				"RESOLVED probe.tokenize max=1 from the @Concurrent annotation");
	}

	@Test
	void applicationYamlBeatsTheAnnotation() throws Exception {
		assertThat(run(Map.of(), YAML)).contains("RESOLVED probe.generate max=3 from property "
				+ "cog.concurrency.instances.probe.generate.max (class path resource [precedence.yaml] - 5:14)");
	}

	@Test
	void perBulkheadEnvironmentVariableBeatsApplicationYaml() throws Exception {
		assertThat(run(Map.of(OWN_ENV, "5"), YAML)).contains("RESOLVED probe.generate max=5 from property "
				+ "cog.concurrency.instances.probe.generate.max (System Environment Property \"" + OWN_ENV + "\")");
	}

	@Test
	void cogMaxConcurrencyBeatsApplicationYamlForAsynchronousMethodsOnly() throws Exception {
		assertThat(run(Map.of("COG_MAX_CONCURRENCY", "7"), YAML)).contains(
				"RESOLVED probe.generate max=7 from property cog.max-concurrency "
						+ "(System Environment Property \"COG_MAX_CONCURRENCY\")",
				"RESOLVED probe.tokenize max=1 from the @Concurrent annotation");
	}

	@Test
	void perBulkheadKeyBeatsTheGlobalKeyInTheSameSource() throws Exception {
		assertThat(run(Map.of("COG_MAX_CONCURRENCY", "7", OWN_ENV, "5"))).contains("RESOLVED probe.generate max=5");
	}

	@Test
	void commandLineArgumentBeatsEnvironmentVariables() throws Exception {
		assertThat(run(Map.of("COG_MAX_CONCURRENCY", "7", OWN_ENV, "5"), YAML,
				"--cog.concurrency.instances.probe.generate.max=9"))
			.contains("RESOLVED probe.generate max=9 from property cog.concurrency.instances.probe.generate.max "
					+ "(command-line argument --cog.concurrency.instances.probe.generate.max)");
	}

	private static String run(Map<String, String> environment, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), PrecedenceProbe.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("COG_"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe exits").isTrue();
			assertThat(process.exitValue()).as(output).isZero();
			return output;
		}
		finally {
			process.destroyForcibly();
		}
	}

}
