package dev.cog.pool;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one daemon thread that ends asynchronous waits in every pool, started on first use.
 */
final class SharedTimeouts {

	private SharedTimeouts() {
	}

	static ScheduledExecutorService get() {
		return Holder.INSTANCE;
	}

	private static final class Holder {

		static final ScheduledExecutorService INSTANCE = create();

		private static ScheduledExecutorService create() {
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "cog-concurrency-timeouts");
				thread.setDaemon(true);
				return thread;
			});
			executor.setRemoveOnCancelPolicy(true);
			return executor;
		}

	}

}
