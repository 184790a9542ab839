package dev.cog.bulkhead;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.springframework.util.ClassUtils;

import dev.cog.Concurrent;
import dev.cog.diagnostics.ConcurrencyDeclarationException;

/**
 * A method that carries {@code @Concurrent}, checked for what can be honoured.
 *
 * @param userClass the user's class that declares or inherits the method
 * @param method the method
 * @param shape how it is called
 * @param annotationMax the annotation's max
 * @param name the bulkhead name, explicit or default
 * @param explicitName whether the annotation names the bulkhead
 */
public record BulkheadMethod(Class<?> userClass, Method method, CallShape shape, int annotationMax, String name,
		boolean explicitName) {

	private static final String REACTOR_MONO = "reactor.core.publisher.Mono";

	/**
	 * Check a declaration and describe it.
	 * @param userClass the user's class
	 * @param method the annotated method
	 * @param annotation its annotation
	 * @return the checked method
	 * @throws ConcurrencyDeclarationException if it cannot be honoured
	 */
	public static BulkheadMethod declare(Class<?> userClass, Method method, Concurrent annotation) {
		String signature = signature(userClass, method);
		checkInterceptable(userClass, method, signature);
		CallShape shape = CallShape.of(method);
		checkReturnType(method, shape, signature);
		int max = annotation.max();
		if (max < 1) {
			throw new ConcurrencyDeclarationException(
					"@Concurrent(max = %d) on %s: a max must be at least 1.".formatted(max, signature),
					"Declare @Concurrent(max = 1) or more on %s; bare @Concurrent means 1.".formatted(signature));
		}
		if (!shape.isAsync() && max > 1) {
			throw new ConcurrencyDeclarationException(
					("@Concurrent(max = %d) on %s, a synchronous method (it returns %s): a synchronous call holds its "
							+ "caller's thread, so only one may run at a time.")
						.formatted(max, signature, method.getReturnType().getSimpleName()),
					("Return CompletionStage, CompletableFuture, Mono or Flux from %s to run up to %d calls at once, "
							+ "or declare @Concurrent(max = 1).")
						.formatted(signature, max));
		}
		boolean explicit = !annotation.name().isEmpty();
		String name = explicit ? annotation.name() : BulkheadNames.defaultName(userClass, method);
		if (!BulkheadNames.isValid(name)) {
			throw new ConcurrencyDeclarationException(explicit
					? "@Concurrent(name = \"%s\") on %s: a name must match %s."
						.formatted(name, signature, BulkheadNames.PATTERN.pattern())
					: "%s gets the default bulkhead name \"%s\", which does not match %s."
						.formatted(signature, name, BulkheadNames.PATTERN.pattern()),
					"Name the bulkhead with lowercase words separated by '-' and '.', such as "
							+ "@Concurrent(name = \"predictor.generate-text\"), on %s.".formatted(signature));
		}
		return new BulkheadMethod(userClass, method, shape, max, name, explicit);
	}

	/**
	 * Return the method as {@code fully.qualified.Class#method(ParamType, ...)}.
	 * @return the signature
	 */
	public String signature() {
		return signature(this.userClass, this.method);
	}

	static String signature(Class<?> userClass, Method method) {
		return userClass.getName() + "#" + method.getName() + Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", ", "(", ")"));
	}

	private static void checkInterceptable(Class<?> userClass, Method method, String signature) {
		int modifiers = method.getModifiers();
		String reason = null;
		if (Modifier.isPrivate(modifiers)) {
			reason = "it is private";
		}
		else if (Modifier.isStatic(modifiers)) {
			reason = "it is static";
		}
		else if (Modifier.isFinal(modifiers)) {
			reason = "it is final";
		}
		else if (Modifier.isFinal(userClass.getModifiers())) {
			reason = "its class " + userClass.getName() + " is final";
		}
		if (reason != null) {
			throw new ConcurrencyDeclarationException(
					"@Concurrent on %s cannot be honoured: %s, so a Spring proxy cannot intercept its calls."
						.formatted(signature, reason),
					"Make %s a public, non-final instance method of a non-final class, or remove @Concurrent from it."
						.formatted(signature));
		}
	}

	private static void checkReturnType(Method method, CallShape shape, String signature) {
		Class<?> type = method.getReturnType();
		boolean supported = switch (shape) {
			case SYNCHRONOUS -> true;
			case COMPLETION_STAGE -> type.isAssignableFrom(CompletableFuture.class);
			case PUBLISHER -> isReactorType(method, type);
		};
		if (!supported) {
			throw new ConcurrencyDeclarationException(
					("@Concurrent on %s cannot be honoured: it returns %s, and a call that waits or is rejected must "
							+ "return a stage or publisher of that type, which the bulkhead cannot create.")
						.formatted(signature, type.getName()),
					("Declare %s to return CompletionStage or CompletableFuture, or Mono, Flux or Publisher with "
							+ "Reactor on the classpath.")
						.formatted(signature));
		}
	}

	private static boolean isReactorType(Method method, Class<?> type) {
		ClassLoader classLoader = method.getDeclaringClass().getClassLoader();
		if (!ClassUtils.isPresent(REACTOR_MONO, classLoader)) {
			return false;
		}
		String name = type.getName();
		return name.equals("org.reactivestreams.Publisher") || name.equals("reactor.core.publisher.Mono")
				|| name.equals("reactor.core.publisher.Flux");
	}

}
