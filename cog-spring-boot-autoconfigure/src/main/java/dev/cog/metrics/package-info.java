/**
 * Micrometer meters of every bulkhead: slot gauges, the rejection counter and the wait and hold timers.
 */
@NullMarked
package dev.cog.metrics;

import org.jspecify.annotations.NullMarked;
