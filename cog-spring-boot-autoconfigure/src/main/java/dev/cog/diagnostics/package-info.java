/**
 * Startup refusals of declarations that cannot be honoured, and their failure analysis.
 */
@NullMarked
package dev.cog.diagnostics;

import org.jspecify.annotations.NullMarked;
