/**
 * Size resolution: the one place that knows how property sources, the annotation and the
 * default decide a bulkhead's max and max-wait, and where each value came from.
 */
@NullMarked
package dev.cog.resolve;

import org.jspecify.annotations.NullMarked;
