package dev.cog.resolve;

import java.util.concurrent.CompletableFuture;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cog.Concurrent;
import dev.cog.autoconfigure.ConcurrencyAutoConfiguration;
import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.BulkheadRegistry;

/**
 * A tiny application that a test starts in a child JVM with real environment variables; it
 * prints how each bulkhead was sized and exits.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration(ConcurrencyAutoConfiguration.class)
public class PrecedenceProbe {

	@Bean
	Probe probe() {
		return new Probe();
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(PrecedenceProbe.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(args)) {
			for (Bulkhead bulkhead : context.getBean(BulkheadRegistry.class).all()) {
				System.out.println("RESOLVED " + bulkhead.name() + " max=" + bulkhead.pool().max() + " from "
						+ bulkhead.source().describe());
			}
		}
	}

	public static class Probe {

		@Concurrent(max = 2)
		public CompletableFuture<String> generate() {
			return CompletableFuture.completedFuture("text");
		}

		@Concurrent
		public String tokenize() {
			return "tokens";
		}

	}

}
