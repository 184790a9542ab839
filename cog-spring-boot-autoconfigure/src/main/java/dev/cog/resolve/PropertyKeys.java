package dev.cog.resolve;

import java.util.Locale;

/**
 * The property keys that size bulkheads, and their environment variables.
 */
public final class PropertyKeys {

	/** The max of every asynchronous bulkhead that sets none of its own; Cog's name. */
	public static final String GLOBAL_MAX = "cog.max-concurrency";

	/** The max-wait of every bulkhead that sets none of its own. */
	public static final String GLOBAL_MAX_WAIT = "cog.concurrency.max-wait";

	/** The prefix of every per-bulkhead key. */
	public static final String INSTANCES = "cog.concurrency.instances";

	private PropertyKeys() {
	}

	/**
	 * Return the key of a bulkhead's own max.
	 * @param name the bulkhead name
	 * @return {@code cog.concurrency.instances.<name>.max}
	 */
	public static String max(String name) {
		return INSTANCES + "." + name + ".max";
	}

	/**
	 * Return the key of a bulkhead's own max-wait.
	 * @param name the bulkhead name
	 * @return {@code cog.concurrency.instances.<name>.max-wait}
	 */
	public static String maxWait(String name) {
		return INSTANCES + "." + name + ".max-wait";
	}

	/**
	 * Return the environment variable of a key: upper case, with {@code .} and {@code -} turned
	 * into {@code _}.
	 * @param key the dotted key
	 * @return the environment variable
	 */
	public static String environmentVariable(String key) {
		return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

}
