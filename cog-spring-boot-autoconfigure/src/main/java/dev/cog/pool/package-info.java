/**
 * The permit pool behind every bulkhead: slots, first-come first-served waiting, resizing, and
 * cells that keep free slots near the threads of a contended pool, with no Spring types.
 */
@NullMarked
package dev.cog.pool;

import org.jspecify.annotations.NullMarked;
