package dev.cog.sample.model;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stand-in model and its pace.
 */
@Configuration(proxyBeanMethods = false)
public class ModelConfiguration {

	@Bean
	TokenClock tokenClock(@Value("${sample.model.token-delay:50ms}") Duration tokenDelay) {
		return new DelayedTokenClock(tokenDelay);
	}

	@Bean
	TextGenerator textGenerator(TokenClock tokenClock) {
		return new TextGenerator(tokenClock);
	}

}
