package dev.cog.bulkhead;

import org.jspecify.annotations.Nullable;

/**
 * Where a bulkhead's max came from.
 *
 * @param type the kind of source
 * @param property the property key that set it, for {@link Type#PROPERTY}
 * @param origin where the property was set (a file and line, an environment variable), when
 * known
 */
public record MaxSource(Type type, @Nullable String property, @Nullable String origin) {

	/**
	 * The max of the {@code @Concurrent} annotation.
	 * @return the source
	 */
	public static MaxSource annotation() {
		return new MaxSource(Type.ANNOTATION, null, null);
	}

	/**
	 * A property.
	 * @param property the key
	 * @param origin where it was set
	 * @return the source
	 */
	public static MaxSource property(String property, String origin) {
		return new MaxSource(Type.PROPERTY, property, origin);
	}

	/**
	 * A resize while the application runs.
	 * @return the source
	 */
	public static MaxSource runtime() {
		return new MaxSource(Type.RUNTIME, null, null);
	}

	/**
	 * Describe the source for a log line or a message.
	 * @return a short description
	 */
	public String describe() {
		return switch (this.type) {
			case ANNOTATION -> "the @Concurrent annotation";
			case RUNTIME -> "a resize at runtime";
			case PROPERTY -> "property " + this.property + " (" + this.origin + ")";
		};
	}

	/**
	 * The kinds of source, lowercase in JSON.
	 */
	public enum Type {

		/** A configuration property. */
		PROPERTY,

		/** The annotation. */
		ANNOTATION,

		/** A resize at runtime. */
		RUNTIME

	}

}
