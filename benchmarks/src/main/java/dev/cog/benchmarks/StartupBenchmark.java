package dev.cog.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import dev.cog.benchmarks.contenders.Contexts;

/**
 * How long a Spring Boot application with our auto-configuration takes to start with 0 to 1,000
 * {@code @Concurrent} methods, each a distinct method of a freshly loaded class.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@State(Scope.Benchmark)
public class StartupBenchmark {

	/** How many annotated methods the application has. */
	@Param({ "0", "250", "500", "1000" })
	public int methods;

	private GeneratedBeans beans;

	private GeneratedBeans.Loaded loaded;

	private ConfigurableApplicationContext context;

	@Setup(Level.Trial)
	public void compile() throws IOException {
		this.beans = GeneratedBeans.compile(this.methods);
	}

	@Setup(Level.Iteration)
	public void load() {
		this.loaded = this.beans.load();
	}

	@Benchmark
	public ConfigurableApplicationContext start() {
		this.context = Contexts.cogApplication(false, StartupApplication.class)
			.resourceLoader(new DefaultResourceLoader(this.loaded.loader()))
			.initializers((context) -> this.loaded.types()
				.forEach((type) -> ((GenericApplicationContext) context).registerBean(type)))
			.run();
		return this.context;
	}

	@TearDown(Level.Iteration)
	public void close() throws IOException {
		this.context.close();
		this.loaded.close();
	}

	@TearDown(Level.Trial)
	public void delete() throws IOException {
		this.beans.close();
	}

	/** The application: nothing but what auto-configuration brings and the generated beans. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class StartupApplication {

	}

}
