package dev.cog.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.cog.web.RejectionProblemAdvice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConcurrencyWebAutoConfiguration}.
 */
class ConcurrencyWebAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(ConcurrencyAutoConfiguration.class,
			ConcurrencyWebAutoConfiguration.class);

	@Test
	void answersRejectionsInServletApplications() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).hasSingleBean(RejectionProblemAdvice.class));
	}

	@Test
	void answersRejectionsInReactiveApplications() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).hasSingleBean(RejectionProblemAdvice.class));
	}

	@Test
	void loadsNothingWebRelatedInANonWebApplication() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).doesNotHaveBean(RejectionProblemAdvice.class));
	}

	@Test
	void backsOffWhenDisabled() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("cog.concurrency.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RejectionProblemAdvice.class));
	}

}
