package dev.cog.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Tests that a WebFlux application answers an uncaught rejection with 503.
 */
@SpringBootTest(classes = WebRejectionTests.WebApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cog.concurrency.retry-after=1500ms" })
class WebFluxRejectionTests extends WebRejectionTests {

}
