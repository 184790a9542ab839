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

	private final Health health = new Health();

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

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Settings of the {@code concurrency} health contributor.
	 */
	public static class Health {

		/**
		 * Whether a bulkhead with no free slot makes the concurrency health OUT_OF_SERVICE
		 * rather than UP, so that a readiness group that includes it takes a full instance out
		 * of a load balancer's rotation.
		 */
		private boolean saturatedOutOfService;

		public boolean isSaturatedOutOfService() {
			return this.saturatedOutOfService;
		}

		public void setSaturatedOutOfService(boolean saturatedOutOfService) {
			this.saturatedOutOfService = saturatedOutOfService;
		}

	}

}
