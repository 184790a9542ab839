package dev.cog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares how many calls of a bean method may run at once: the Java form of Cog's
 * {@code @cog.concurrent(max=N)}.
 *
 * <p>The method is wrapped in a bulkhead, a pool of {@link #max()} slots. A call that finds every
 * slot taken waits up to {@code max-wait} and is then rejected with
 * {@link ConcurrencyLimitExceededException}. Only asynchronous methods (returning a
 * {@code CompletionStage} or a Reactive Streams {@code Publisher}) may declare a max above 1;
 * the application refuses to start otherwise. The max can be overridden without a code change by
 * {@code cog.concurrency.instances.<name>.max}, or for every asynchronous method by
 * {@code cog.max-concurrency} ({@code COG_MAX_CONCURRENCY}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Concurrent {

	/**
	 * How many calls may hold a slot at once.
	 * @return the maximum concurrency, at least 1
	 */
	int max() default 1;

	/**
	 * The bulkhead's name; methods that carry the same name share one pool. Defaults to the
	 * kebab-case simple name of the class, a dot and the kebab-case method name
	 * ({@code Predictor#generateText} is {@code predictor.generate-text}).
	 * @return the bulkhead name, or empty for the default
	 */
	String name() default "";

}
