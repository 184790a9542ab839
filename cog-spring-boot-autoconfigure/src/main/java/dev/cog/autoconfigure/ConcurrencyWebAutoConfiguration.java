package dev.cog.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;

import dev.cog.web.RejectionProblemAdvice;

/**
 * Auto-configuration that answers rejected web requests with 503, in Spring MVC and WebFlux
 * applications only.
 */
@AutoConfiguration(after = ConcurrencyAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "cog.concurrency.enabled", matchIfMissing = true)
@ConditionalOnWebApplication
@ConditionalOnClass(ProblemDetail.class)
public final class ConcurrencyWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RejectionProblemAdvice concurrencyRejectionProblemAdvice(ConcurrencyProperties properties) {
		return new RejectionProblemAdvice(properties.getRetryAfter());
	}

}
