/**
 * The contenders: each limiter guarding the same methods through the same kind of proxy.
 */
@NullMarked
package dev.cog.benchmarks.contenders;

import org.jspecify.annotations.NullMarked;
