/**
 * Bulkheads: a named permit pool with the methods it guards, where its max came from, and its
 * counts.
 */
@NullMarked
package dev.cog.bulkhead;

import org.jspecify.annotations.NullMarked;
