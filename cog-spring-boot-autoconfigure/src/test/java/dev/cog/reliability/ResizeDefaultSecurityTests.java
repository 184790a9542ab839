package dev.cog.reliability;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cog.bulkhead.BulkheadRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resize operation with unrestricted access and Spring Boot's default security, no chain of
 * the application's own: an anonymous caller is asked to authenticate, as for any actuator write.
 */
@SpringBootTest(classes = ResizeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=", "management.endpoints.web.exposure.include=concurrency",
				"management.endpoint.concurrency.access=unrestricted" })
class ResizeDefaultSecurityTests {

	@LocalServerPort
	private int port;

	@Autowired
	private BulkheadRegistry registry;

	@Test
	void anonymousCallerIsAskedToAuthenticate() throws Exception {
		assertThat(ResizeApplication.resize(this.port, 5, null).statusCode()).isEqualTo(401);
		assertThat(this.registry.get("model.generate").pool().max()).isEqualTo(2);
	}

}
