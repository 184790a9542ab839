package dev.cog.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code @Concurrent} support. The keys that size bulkheads
 * ({@code cog.max-concurrency}, {@code cog.concurrency.max-wait} and
 * {@code cog.concurrency.instances.<name>.*}) are read by walking the property sources, so that
 * each value keeps its origin; they are not bound here.
 */
@ConfigurationProperties("cog.concurrency")
public class ConcurrencyProperties {

	/**
	 * Whether to guard methods annotated with @Concurrent.
	 */
	private boolean enabled = true;

	/**
	 * Whether a rejected call's exception records its stack trace. Off by default, so that a
	 * rejection is cheap under load.
	 */
	private boolean rejectionStackTraces;

	/**
	 * Value of the Retry-After header of the 503 answer a web request gets when a bulkhead
	 * rejects it, rounded up to whole seconds.
	 */
	private Duration retryAfter = Duration.ofSeconds(1);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isRejectionStackTraces() {
		return this.rejectionStackTraces;
	}

	public void setRejectionStackTraces(boolean rejectionStackTraces) {
		this.rejectionStackTraces = rejectionStackTraces;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	public void setRetryAfter(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

}
