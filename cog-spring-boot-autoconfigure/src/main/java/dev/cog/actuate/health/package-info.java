/**
 * The {@code concurrency} health contributor: every bulkhead's slots, and saturation for readiness.
 */
@NullMarked
package dev.cog.actuate.health;

import org.jspecify.annotations.NullMarked;
