/**
 * A stand-in model served behind Cog's prediction API, limited by @Concurrent.
 */
@NullMarked
package dev.cog.sample;

import org.jspecify.annotations.NullMarked;
