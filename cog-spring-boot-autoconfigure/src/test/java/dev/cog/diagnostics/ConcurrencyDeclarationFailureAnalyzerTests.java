package dev.cog.diagnostics;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cog.Concurrent;
import dev.cog.autoconfigure.ConcurrencyAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ConcurrencyDeclarationFailureAnalyzer}: a refused declaration stops startup
 * and is explained.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConcurrencyDeclarationFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class));

	@Test
	void failedStartupPrintsTheDescriptionAndTheAction(CapturedOutput output) {
		SpringApplication application = new SpringApplication(FailingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:%n%n@Concurrent(max = 4) on %s#tokenize(String), a synchronous method"
				.formatted(Tokenizer.class.getName()))
			.contains("Action:%n%nReturn CompletionStage, CompletableFuture, Mono or Flux from".formatted());
	}

	@Test
	void explainsASynchronousMethodWithMaxAboveOne() {
		this.contextRunner.withBean(Tokenizer.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("@Concurrent(max = 4) on " + Tokenizer.class.getName()
					+ "#tokenize(String), a synchronous method (it returns String): a synchronous call holds its "
					+ "caller's thread, so only one may run at a time.");
			assertThat(analysis.getAction()).isEqualTo("Return CompletionStage, CompletableFuture, Mono or Flux from "
					+ Tokenizer.class.getName() + "#tokenize(String) to run up to 4 calls at once, or declare "
					+ "@Concurrent(max = 1).");
		});
	}

	@Test
	void explainsAPropertyThatIsNotAWholeNumber() {
		String origin = "\"cog.concurrency.instances.generator.generate.max\" from property source \"test\"";
		this.contextRunner.withBean(Generator.class)
			.withPropertyValues("cog.concurrency.instances.generator.generate.max=four")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Bulkhead 'generator.generate' ("
						+ Generator.class.getName() + "#generate()): cog.concurrency.instances.generator.generate.max = "
						+ "'four' (" + origin + ") is not a whole number; a max must be a whole number of at least 1.");
				assertThat(analysis.getAction()).isEqualTo("Set cog.concurrency.instances.generator.generate.max to a "
						+ "whole number of at least 1 where it is set (" + origin + "), or remove it to use the "
						+ "annotation's max of 2.");
			});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new ConcurrencyDeclarationFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ConcurrencyAutoConfiguration.class)
	static class FailingApplication {

		@Bean
		Tokenizer tokenizer() {
			return new Tokenizer();
		}

	}

	static class Tokenizer {

		@Concurrent(max = 4)
		public String tokenize(String text) {
			return text;
		}

	}

	static class Generator {

		@Concurrent(max = 2)
		public CompletableFuture<String> generate() {
			return CompletableFuture.completedFuture("text");
		}

	}

}
