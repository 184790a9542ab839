package dev.cog.reliability;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cog.bulkhead.BulkheadRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resize operation in the default configuration: the endpoint is exposed, but its access is
 * read-only, so a POST over real HTTP is refused and the pool keeps its size.
 */
@SpringBootTest(classes = ResizeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=concurrency")
class ResizeAccessTests {

	@LocalServerPort
	private int port;

	@Autowired
	private BulkheadRegistry registry;

	@Test
	void resizeIsRefusedByDefault() throws Exception {
		assertThat(ResizeApplication.resize(this.port, 5, null).statusCode()).isEqualTo(405);
		assertThat(this.registry.get("model.generate").pool().max()).isEqualTo(2);
	}

}
