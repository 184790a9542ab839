/**
 * The {@link dev.cog.Concurrent @Concurrent} annotation and the exception a rejected call gets.
 */
@NullMarked
package dev.cog;

import org.jspecify.annotations.NullMarked;
