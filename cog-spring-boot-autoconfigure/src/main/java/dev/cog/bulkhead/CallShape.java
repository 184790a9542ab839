package dev.cog.bulkhead;

import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;

import org.springframework.util.ClassUtils;

/**
 * How a guarded method is called, decided once from its declared return type.
 */
public enum CallShape {

	/** Holds its slot from the call until it returns or throws. */
	SYNCHRONOUS,

	/** Holds its slot until the returned {@link CompletionStage} completes. */
	COMPLETION_STAGE,

	/** Holds a slot per subscription, from subscribe until complete, error or cancel. */
	PUBLISHER;

	private static final String PUBLISHER_CLASS = "org.reactivestreams.Publisher";

	/**
	 * Return whether calls of this shape may run more than one at a time.
	 * @return {@code true} for the asynchronous shapes
	 */
	public boolean isAsync() {
		return this != SYNCHRONOUS;
	}

	/**
	 * Return the shape of a method from its declared return type.
	 * @param method the method
	 * @return its call shape
	 */
	public static CallShape of(Method method) {
		Class<?> type = method.getReturnType();
		if (CompletionStage.class.isAssignableFrom(type)) {
			return COMPLETION_STAGE;
		}
		if (isPublisher(type, method.getDeclaringClass().getClassLoader())) {
			return PUBLISHER;
		}
		return SYNCHRONOUS;
	}

	private static boolean isPublisher(Class<?> type, ClassLoader classLoader) {
		if (!ClassUtils.isPresent(PUBLISHER_CLASS, classLoader)) {
			return false;
		}
		try {
			return ClassUtils.forName(PUBLISHER_CLASS, classLoader).isAssignableFrom(type);
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
