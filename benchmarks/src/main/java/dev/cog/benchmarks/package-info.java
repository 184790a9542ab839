/**
 * JMH benchmarks of @Concurrent beside Spring's @ConcurrencyLimit and Resilience4j, in one run.
 */
@NullMarked
package dev.cog.benchmarks;

import org.jspecify.annotations.NullMarked;
