package dev.cog.autoconfigure;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import dev.cog.Concurrent;
import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.bulkhead.MaxSource;
import dev.cog.interceptor.ConcurrentAnnotationBeanPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConcurrencyAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConcurrencyAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@Test
	void wrapsBeansWithConcurrentMethodsAndLeavesOthersAlone() {
		this.contextRunner.run((context) -> {
			assertThat(AopUtils.isCglibProxy(context.getBean(Model.class))).isTrue();
			assertThat(AopUtils.isAopProxy(context.getBean(Plain.class))).isFalse();
			assertThat(context.getBean(BulkheadRegistry.class).all()).extracting(Bulkhead::name)
				.containsExactly("model.predict", "model.warm-up");
		});
	}

	@Test
	void namesBulkheadsAfterTheUserClassNotItsCglibSubclass() {
		this.contextRunner.withUserConfiguration(EnhancedConfig.class)
			.run((context) -> assertThat(context.getBean(BulkheadRegistry.class).get("enhanced-config.refresh"))
				.isNotNull());
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("cog.concurrency.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ConcurrentAnnotationBeanPostProcessor.class)
				.doesNotHaveBean(BulkheadRegistry.class);
			assertThat(AopUtils.isAopProxy(context.getBean(Model.class))).isFalse();
		});
	}

	@Test
	void initializesNothingTooEarly(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(output).doesNotContain("is not eligible for getting processed"));
	}

	@Test
	void logsOneInfoLinePerBulkhead(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(output).contains(
				"Bulkhead 'model.predict': max 4 from the @Concurrent annotation, max-wait PT0S, guarding "
						+ Model.class.getName() + "#predict(String); override with "
						+ "cog.concurrency.instances.model.predict.max or COG_CONCURRENCY_INSTANCES_MODEL_PREDICT_MAX")
			.contains("Bulkhead 'model.warm-up': max 1 from the @Concurrent annotation"));
	}

	@Test
	void globalMaxInAConfigFileAppliesAndIsDeprecated(CapturedOutput output) {
		this.contextRunner.withInitializer(yaml("global-max.yaml")).run((context) -> {
			Bulkhead predict = context.getBean(BulkheadRegistry.class).get("model.predict");
			assertThat(predict.pool().max()).isEqualTo(3);
			assertThat(predict.source()).isEqualTo(MaxSource.property("cog.max-concurrency",
					"class path resource [global-max.yaml] - 2:20"));
			assertThat(context.getBean(BulkheadRegistry.class).get("model.warm-up").pool().max()).isEqualTo(1);
			assertThat(output).containsOnlyOnce("deprecated").contains(
					"cog.max-concurrency=3 in class path resource [global-max.yaml] is deprecated, as "
							+ "concurrency.max in cog.yaml is. It still applies to bulkheads model.predict. Declare the "
							+ "concurrency on the method instead with @Concurrent(max=3), or per bulkhead with "
							+ "cog.concurrency.instances.model.predict.max; an operator can still override every "
							+ "asynchronous bulkhead with COG_MAX_CONCURRENCY.");
		});
	}

	@Test
	void globalMaxFromASystemPropertyIsAnOverrideWithoutWarning(CapturedOutput output) {
		this.contextRunner.withSystemProperties("cog.max-concurrency=5").run((context) -> {
			Bulkhead predict = context.getBean(BulkheadRegistry.class).get("model.predict");
			assertThat(predict.pool().max()).isEqualTo(5);
			assertThat(predict.source())
				.isEqualTo(MaxSource.property("cog.max-concurrency", "Java system property -Dcog.max-concurrency"));
			assertThat(output).doesNotContain("deprecated");
		});
	}

	@Test
	void warnsOfInstanceKeysThatNameNoBulkhead(CapturedOutput output) {
		this.contextRunner.withInitializer(yaml("sized-instances.yaml")).run((context) -> {
			assertThat(context.getBean(BulkheadRegistry.class).get("model.predict").pool().max()).isEqualTo(6);
			assertThat(output).contains("cog.concurrency.instances.model.predikt.max "
					+ "(class path resource [sized-instances.yaml] - 7:14) sets nothing: it names no bulkhead or "
					+ "setting. The bulkheads are: model.predict, model.warm-up.");
		});
	}

	private static ApplicationContextInitializer<ConfigurableApplicationContext> yaml(String name) {
		return (context) -> {
			try {
				new YamlPropertySourceLoader().load(name, new ClassPathResource(name))
					.forEach(context.getEnvironment().getPropertySources()::addLast);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

		@Bean
		Model model() {
			return new Model();
		}

		@Bean
		Plain plain() {
			return new Plain();
		}

	}

	@Configuration
	static class EnhancedConfig {

		@Concurrent
		public void refresh() {
		}

	}

	static class Model {

		@Concurrent(max = 4)
		public CompletableFuture<String> predict(String prompt) {
			return CompletableFuture.completedFuture(prompt);
		}

		@Concurrent
		public void warmUp() {
		}

	}

	static class Plain {

		public String hello() {
			return "hello";
		}

	}

}
