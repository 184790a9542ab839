/**
 * The permit pool behind every bulkhead: slots, first-come first-served waiting and resizing,
 * with no Spring types.
 */
@NullMarked
package dev.cog.pool;

import org.jspecify.annotations.NullMarked;
