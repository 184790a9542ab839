/**
 * Auto-configuration of the {@code @Concurrent} support.
 */
@NullMarked
package dev.cog.autoconfigure;

import org.jspecify.annotations.NullMarked;
