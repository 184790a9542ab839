package dev.cog.reliability;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.cog.actuate.endpoint.ConcurrencyEndpoint;
import dev.cog.bulkhead.BulkheadRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resize operation with Spring Security and unrestricted access: like Boot's other write
 * operations it needs an authenticated caller, and with the chain the README shows, one in role
 * {@code OPS}.
 */
@SpringBootTest(classes = { ResizeApplication.class, ResizeSecurityTests.OpsOnly.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=", "management.endpoints.web.exposure.include=concurrency",
				"management.endpoint.concurrency.access=unrestricted" })
class ResizeSecurityTests {

	@LocalServerPort
	private int port;

	@Autowired
	private BulkheadRegistry registry;

	@Test
	void anonymousCallerIsAskedToAuthenticate() throws Exception {
		assertThat(ResizeApplication.resize(this.port, 5, null).statusCode()).isEqualTo(401);
		assertThat(max()).isEqualTo(2);
	}

	@Test
	void authenticatedCallerWithoutTheRoleIsForbidden() throws Exception {
		assertThat(ResizeApplication.resize(this.port, 5, "viewer").statusCode()).isEqualTo(403);
		assertThat(max()).isEqualTo(2);
	}

	@Test
	void operatorResizes() throws Exception {
		try {
			assertThat(ResizeApplication.resize(this.port, 5, "operator").statusCode()).isEqualTo(200);
			assertThat(max()).isEqualTo(5);
		}
		finally {
			this.registry.get("model.generate").resize(2);
		}
	}

	private int max() {
		return this.registry.get("model.generate").pool().max();
	}

	@Configuration(proxyBeanMethods = false)
	static class OpsOnly {

		@Bean
		SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
			return http.securityMatcher(EndpointRequest.toAnyEndpoint())
				.authorizeHttpRequests((requests) -> requests
					.requestMatchers(EndpointRequest.to(ConcurrencyEndpoint.class)
						.withHttpMethod(HttpMethod.POST))
					.hasRole("OPS")
					.anyRequest()
					.authenticated())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.ignoringRequestMatchers(EndpointRequest.toAnyEndpoint()))
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("viewer").password("{noop}secret").roles("VIEWER").build(),
					User.withUsername("operator").password("{noop}secret").roles("OPS").build());
		}

	}

}
