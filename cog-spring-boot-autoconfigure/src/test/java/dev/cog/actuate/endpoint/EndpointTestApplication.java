package dev.cog.actuate.endpoint;

import java.util.concurrent.CompletableFuture;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.cog.Concurrent;

/**
 * A web application with one bulkhead of each kind of size: its annotation's, a property's,
 * an environment variable's (when its child JVM sets one), and a synchronous one. Run as a main
 * class, it prints {@code PORT=<port>} once it serves.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class EndpointTestApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(EndpointTestApplication.class, args);
		System.out.println("PORT=" + ((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@Bean
	Models models() {
		return new Models();
	}

	/**
	 * The guarded methods; each asynchronous one returns the stage it is given, so a test holds
	 * a slot until it completes that stage.
	 */
	public static class Models {

		@Concurrent(name = "test.annotation-sized", max = 3)
		public CompletableFuture<String> annotationSized(CompletableFuture<String> result) {
			return result;
		}

		@Concurrent(name = "test.property-sized", max = 2)
		public CompletableFuture<String> propertySized(CompletableFuture<String> result) {
			return result;
		}

		@Concurrent(name = "test.env-sized", max = 2)
		public CompletableFuture<String> envSized(CompletableFuture<String> result) {
			return result;
		}

		@Concurrent(name = "test.sync")
		public String sync(String value) {
			return value;
		}

	}

}
