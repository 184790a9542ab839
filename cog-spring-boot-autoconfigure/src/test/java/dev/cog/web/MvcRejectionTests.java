package dev.cog.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tests that a Spring MVC application answers an uncaught rejection with 503.
 */
@SpringBootTest(classes = WebRejectionTests.WebApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "cog.concurrency.retry-after=1500ms" })
class MvcRejectionTests extends WebRejectionTests {

	@LocalServerPort
	private int port;

	@Autowired
	private HeldModel model;

	@Override
	int port() {
		return this.port;
	}

	@Override
	HeldModel model() {
		return this.model;
	}

	@Test
	void rejectedCompletionStageCallAnswers503() throws Exception {
		assertRejectedWhileFull("/future");
	}

}
