/**
 * The {@code concurrency} Actuator endpoint: every bulkhead's state and provenance, and live resize.
 */
@NullMarked
package dev.cog.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
