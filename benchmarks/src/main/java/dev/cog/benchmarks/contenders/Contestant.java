package dev.cog.benchmarks.contenders;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A started contender: the service to call and the application context behind it, if any.
 * @param service the service to call
 * @param context the context that created it, closed with the contestant
 */
public record Contestant(Service service, @Nullable ConfigurableApplicationContext context) implements AutoCloseable {

	@Override
	public void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

}
