package dev.cog.diagnostics;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.ParallelFlux;

import dev.cog.Concurrent;
import dev.cog.autoconfigure.ConcurrencyAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The bad-input table of the README: one test per refusal, each starting a real context and
 * asserting the exact description and action the failure analysis prints.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalMessagesTests {

	private static final String PKG = RefusalMessagesTests.class.getName() + "$";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class));

	@Test
	void annotationMaxBelowOne() {
		this.contextRunner.withBean(ZeroMax.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"@Concurrent(max = 0) on " + PKG + "ZeroMax#generate(): a max must be at least 1.",
					"Declare @Concurrent(max = 1) or more on " + PKG + "ZeroMax#generate(); bare @Concurrent means 1."));
	}

	@Test
	void propertyMaxBelowOne() {
		this.contextRunner.withBean(Generator.class)
			.withPropertyValues("cog.concurrency.instances.generator.generate.max=0")
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"Bulkhead 'generator.generate' (" + PKG + "Generator#generate()): cog.concurrency.instances.generator.generate.max = '0' (\"cog.concurrency.instances.generator.generate.max\" from property source \"test\") is below 1; a max must be a whole number of at least 1.",
					"Set cog.concurrency.instances.generator.generate.max to a whole number of at least 1 where it is set (\"cog.concurrency.instances.generator.generate.max\" from property source \"test\"), or remove it to use the annotation's max of 2."));
	}

	@Test
	void propertyMaxNotAWholeNumberInAFile(CapturedOutput output) {
		Throwable failure = startApplication("--spring.config.location=classpath:refusals/not-a-number.properties");
		assertRefusal(failure,
					"Bulkhead 'generator.generate' (" + PKG + "Generator#generate()): cog.concurrency.instances.generator.generate.max = 'four' (class path resource [refusals/not-a-number.properties] - 2:50) is not a whole number; a max must be a whole number of at least 1.",
					"Set cog.concurrency.instances.generator.generate.max to a whole number of at least 1 where it is set (class path resource [refusals/not-a-number.properties] - 2:50), or remove it to use the annotation's max of 2.");
		assertPrinted(output, failure);
	}

	@Test
	void globalMaxNotAWholeNumberInAnEnvironmentVariable() {
		this.contextRunner.withBean(Generator.class)
			.withInitializer((context) -> useEnvironmentVariables(context, Map.of("COG_MAX_CONCURRENCY", "many")))
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"Bulkhead 'generator.generate' (" + PKG + "Generator#generate()): cog.max-concurrency = 'many' (System Environment Property \"COG_MAX_CONCURRENCY\") is not a whole number; a max must be a whole number of at least 1.",
					"Set cog.max-concurrency to a whole number of at least 1 where it is set (System Environment Property \"COG_MAX_CONCURRENCY\"), or remove it to use the annotation's max of 2."));
	}

	@Test
	void synchronousAnnotationMaxAboveOne() {
		this.contextRunner.withBean(Tokenizer.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"@Concurrent(max = 4) on " + PKG + "Tokenizer#tokenize(String), a synchronous method (it returns String): a synchronous call holds its caller's thread, so only one may run at a time.",
					"Return CompletionStage, CompletableFuture, Mono or Flux from " + PKG + "Tokenizer#tokenize(String) to run up to 4 calls at once, or declare @Concurrent(max = 1)."));
	}

	@Test
	void synchronousOwnPropertyAboveOneInAnEnvironmentVariable() {
		this.contextRunner.withBean(Reader.class)
			.withInitializer((context) -> useEnvironmentVariables(context,
					Map.of("COG_CONCURRENCY_INSTANCES_READER_READ_MAX", "2")))
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"Bulkhead 'reader.read' (" + PKG + "Reader#read()) guards a synchronous method, but cog.concurrency.instances.reader.read.max (System Environment Property \"COG_CONCURRENCY_INSTANCES_READER_READ_MAX\") sets its max to 2: a synchronous call holds its caller's thread, so only one may run at a time.",
					"Set cog.concurrency.instances.reader.read.max to 1 or remove it; to run calls at once, make every method of the bulkhead return CompletionStage, CompletableFuture, Mono or Flux."));
	}

	@Test
	void privateMethod() {
		this.contextRunner.withBean(PrivateMethod.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"@Concurrent on " + PKG + "PrivateMethod#hidden() cannot be honoured: it is private, so a Spring proxy cannot intercept its calls.",
					"Make " + PKG + "PrivateMethod#hidden() a public, non-final instance method of a non-final class, or remove @Concurrent from it."));
	}

	@Test
	void staticMethod() {
		this.contextRunner.withBean(StaticMethod.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"@Concurrent on " + PKG + "StaticMethod#shared() cannot be honoured: it is static, so a Spring proxy cannot intercept its calls.",
					"Make " + PKG + "StaticMethod#shared() a public, non-final instance method of a non-final class, or remove @Concurrent from it."));
	}

	@Test
	void finalMethod() {
		this.contextRunner.withBean(FinalMethod.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"@Concurrent on " + PKG + "FinalMethod#fixed() cannot be honoured: it is final, so a Spring proxy cannot intercept its calls.",
					"Make " + PKG + "FinalMethod#fixed() a public, non-final instance method of a non-final class, or remove @Concurrent from it."));
	}

	@Test
	void finalClass() {
		this.contextRunner.withBean(FinalClass.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"@Concurrent on " + PKG + "FinalClass#sealed() cannot be honoured: its class " + PKG + "FinalClass is final, so a Spring proxy cannot intercept its calls.",
					"Make " + PKG + "FinalClass#sealed() a public, non-final instance method of a non-final class, or remove @Concurrent from it."));
	}

	@Test
	void sharedNameWithDifferentAnnotationMax() {
		this.contextRunner.withBean(DifferentMax.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					PKG + "DifferentMax#first() declares @Concurrent(max = 2) and " + PKG + "DifferentMax#second() declares @Concurrent(max = 3), but they share bulkhead 'shared.pool', which has one max.",
					"Declare the same max on every method of bulkhead 'shared.pool', or give them different names."));
	}

	@Test
	void sharedPoolAboveOneHoldingASynchronousMethod() {
		this.contextRunner.withBean(MixedPool.class)
			.withPropertyValues("cog.concurrency.instances.mixed.pool.max=3")
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"Bulkhead 'mixed.pool' (" + PKG + "MixedPool#sync()) guards a synchronous method, but cog.concurrency.instances.mixed.pool.max (\"cog.concurrency.instances.mixed.pool.max\" from property source \"test\") sets its max to 3: a synchronous call holds its caller's thread, so only one may run at a time.",
					"Set cog.concurrency.instances.mixed.pool.max to 1 or remove it; to run calls at once, make every method of the bulkhead return CompletionStage, CompletableFuture, Mono or Flux."));
	}

	@Test
	void nameSharedWithoutBothDeclaringIt() {
		this.contextRunner.withBean(Reporter.class)
			.withBean(Borrower.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					PKG + "Reporter#report() and " + PKG + "Borrower#borrow() both get the bulkhead name 'reporter.report' but only one of them declares it, so they would share one pool without anyone having written it down.",
					"Give one of them an explicit @Concurrent(name = \"...\"), or write the same @Concurrent(name = \"reporter.report\") on both to share the pool on purpose."));
	}

	@Test
	void explicitNameOfTheWrongForm() {
		this.contextRunner.withBean(BadName.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"@Concurrent(name = \"Generate_Text\") on " + PKG + "BadName#generate(): a name must match [a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*.",
					"Name the bulkhead with lowercase words separated by '-' and '.', such as @Concurrent(name = \"predictor.generate-text\"), on " + PKG + "BadName#generate()."));
	}

	@Test
	void maxWaitNegative() {
		this.contextRunner.withBean(Generator.class)
			.withPropertyValues("cog.concurrency.max-wait=-1s")
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"Bulkhead 'generator.generate' (" + PKG + "Generator#generate()): cog.concurrency.max-wait = '-1s' (\"cog.concurrency.max-wait\" from property source \"test\") is negative; a max-wait must be a duration of 0 or more.",
					"Set cog.concurrency.max-wait to a duration such as 0, 500ms, 2s or PT2S where it is set (\"cog.concurrency.max-wait\" from property source \"test\"), or remove it to reject at once."));
	}

	@Test
	void maxWaitNotADurationInAYamlFile(CapturedOutput output) {
		Throwable failure = startApplication("--spring.config.location=classpath:refusals/not-a-duration.yaml");
		assertRefusal(failure,
					"Bulkhead 'generator.generate' (" + PKG + "Generator#generate()): cog.concurrency.instances.generator.generate.max-wait = 'soon' (class path resource [refusals/not-a-duration.yaml] - 5:19) is not a duration; a max-wait must be a duration of 0 or more.",
					"Set cog.concurrency.instances.generator.generate.max-wait to a duration such as 0, 500ms, 2s or PT2S where it is set (class path resource [refusals/not-a-duration.yaml] - 5:19), or remove it to reject at once.");
		assertPrinted(output, failure);
	}

	@Test
	void sameDefaultNameFromTwoPackages() {
		this.contextRunner.withBean("predictorA", dev.cog.diagnostics.names.a.Predictor.class)
			.withBean("predictorB", dev.cog.diagnostics.names.b.Predictor.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"dev.cog.diagnostics.names.a.Predictor#predict() and dev.cog.diagnostics.names.b.Predictor#predict() both get the bulkhead name 'predictor.predict' but they are in different classes, so they would share one pool without anyone having written it down.",
					"Give one of them an explicit @Concurrent(name = \"...\"), or write the same @Concurrent(name = \"predictor.predict\") on both to share the pool on purpose."));
	}

	@Test
	void twoNamesWithOneEnvironmentVariable() {
		this.contextRunner.withBean(EnvironmentClash.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"Bulkheads 'a.b-c' (" + PKG + "EnvironmentClash#first()) and 'a-b.c' (" + PKG + "EnvironmentClash#second()) map to the same environment variable COG_CONCURRENCY_INSTANCES_A_B_C_MAX, so one could not be sized apart from the other.",
					"Rename one of them with @Concurrent(name = \"...\") so that the names differ by more than '.' against '-'."));
	}

	@Test
	void completionStageSubtypeTheBulkheadCannotCreate() {
		this.contextRunner.withBean(CustomFuture.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"@Concurrent on " + PKG + "CustomFuture#generate() cannot be honoured: it returns " + PKG + "StringFuture, and a call that waits or is rejected must return a stage or publisher of that type, which the bulkhead cannot create.",
					"Declare " + PKG + "CustomFuture#generate() to return CompletionStage or CompletableFuture, or Mono, Flux or Publisher with Reactor on the classpath."));
	}

	@Test
	void publisherSubtypeTheBulkheadCannotCreate() {
		this.contextRunner.withBean(Parallel.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"@Concurrent on " + PKG + "Parallel#generate() cannot be honoured: it returns reactor.core.publisher.ParallelFlux, and a call that waits or is rejected must return a stage or publisher of that type, which the bulkhead cannot create.",
					"Declare " + PKG + "Parallel#generate() to return CompletionStage or CompletableFuture, or Mono, Flux or Publisher with Reactor on the classpath."));
	}

	@Test
	void jdkProxyMethodOnNoInterface() {
		this.contextRunner.withUserConfiguration(JdkProxyConfiguration.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					"@Concurrent on " + PKG + "Loudspeaker#shout() cannot be honoured: the bean is already a JDK interface proxy and the method is on none of its interfaces, so the proxy cannot intercept its calls.",
					"Declare " + PKG + "Loudspeaker#shout() on an interface of the bean, or let Spring proxy the class (spring.aop.proxy-target-class=true, the default)."));
	}

	@Test
	void invalidDefaultName() {
		this.contextRunner.withBean(Accents.class)
			.run((context) -> assertRefusal(context.getStartupFailure(),
					PKG + "Accents#générer() gets the default bulkhead name \"accents.générer\", which does not match [a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*.",
					"Name the bulkhead with lowercase words separated by '-' and '.', such as @Concurrent(name = \"predictor.generate-text\"), on " + PKG + "Accents#générer()."));
	}

	private static void assertRefusal(Throwable failure, String description, String action) {
		FailureAnalysis analysis = new ConcurrencyDeclarationFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo(description);
		assertThat(analysis.getAction()).isEqualTo(action);
	}

	private static void assertPrinted(CapturedOutput output, Throwable failure) {
		FailureAnalysis analysis = new ConcurrencyDeclarationFailureAnalyzer().analyze(failure);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:%n%n%s%n".formatted(analysis.getDescription()))
			.contains("Action:%n%n%s%n".formatted(analysis.getAction()));
	}

	private static Throwable startApplication(String... args) {
		SpringApplication application = new SpringApplication(GeneratorApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return assertThatException().isThrownBy(() -> application.run(args)).actual();
	}

	/**
	 * Put the given variables in place of the process's environment, made origin-aware as
	 * Spring Boot does at startup, so that the origin reads as a user sees it.
	 */
	private static void useEnvironmentVariables(ConfigurableApplicationContext context, Map<String, Object> variables) {
		ConfigurableEnvironment environment = context.getEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		new SystemEnvironmentPropertySourceEnvironmentPostProcessor().postProcessEnvironment(environment,
				new SpringApplication());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ConcurrencyAutoConfiguration.class)
	@Import(Generator.class)
	static class GeneratorApplication {

	}

	public static class Generator {

		@Concurrent(max = 2)
		public CompletableFuture<String> generate() {
			return CompletableFuture.completedFuture("text");
		}

	}

	public static class ZeroMax {

		@Concurrent(max = 0)
		public CompletableFuture<String> generate() {
			return CompletableFuture.completedFuture("text");
		}

	}

	public static class Tokenizer {

		@Concurrent(max = 4)
		public String tokenize(String text) {
			return text;
		}

	}

	public static class Reader {

		@Concurrent
		public String read() {
			return "page";
		}

	}

	public static class PrivateMethod {

		@Concurrent
		private String hidden() {
			return "hidden";
		}

	}

	public static class StaticMethod {

		@Concurrent
		public static String shared() {
			return "shared";
		}

	}

	public static class FinalMethod {

		@Concurrent
		public final String fixed() {
			return "fixed";
		}

	}

	public static final class FinalClass {

		@Concurrent
		public String sealed() {
			return "sealed";
		}

	}

	public static class DifferentMax {

		@Concurrent(name = "shared.pool", max = 2)
		public CompletableFuture<String> first() {
			return CompletableFuture.completedFuture("first");
		}

		@Concurrent(name = "shared.pool", max = 3)
		public CompletableFuture<String> second() {
			return CompletableFuture.completedFuture("second");
		}

	}

	public static class MixedPool {

		@Concurrent(name = "mixed.pool")
		public CompletableFuture<String> async() {
			return CompletableFuture.completedFuture("async");
		}

		@Concurrent(name = "mixed.pool")
		public String sync() {
			return "sync";
		}

	}

	public static class Reporter {

		@Concurrent
		public String report() {
			return "report";
		}

	}

	public static class Borrower {

		@Concurrent(name = "reporter.report")
		public String borrow() {
			return "borrow";
		}

	}

	public static class BadName {

		@Concurrent(name = "Generate_Text")
		public String generate() {
			return "text";
		}

	}

	public static class EnvironmentClash {

		@Concurrent(name = "a.b-c")
		public String first() {
			return "first";
		}

		@Concurrent(name = "a-b.c")
		public String second() {
			return "second";
		}

	}

	public static class StringFuture extends CompletableFuture<String> {

	}

	public static class CustomFuture {

		@Concurrent
		public StringFuture generate() {
			return new StringFuture();
		}

	}

	public static class Parallel {

		@Concurrent
		public ParallelFlux<String> generate() {
			return Flux.just("a", "b").parallel();
		}

	}

	public static class Accents {

		@Concurrent
		public String générer() {
			return "texte";
		}

	}

	public interface Speaker {

		String speak();

	}

	public static class Loudspeaker implements Speaker {

		@Override
		public String speak() {
			return "hello";
		}

		@Concurrent
		public String shout() {
			return "HELLO";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JdkProxyConfiguration {

		@Bean
		Speaker speaker() {
			ProxyFactory factory = new ProxyFactory(new Loudspeaker());
			factory.addInterface(Speaker.class);
			return (Speaker) factory.getProxy();
		}

	}

}
