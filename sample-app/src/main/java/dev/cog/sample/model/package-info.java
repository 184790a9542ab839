/**
 * The stand-in text model and the clock that paces it.
 */
@NullMarked
package dev.cog.sample.model;

import org.jspecify.annotations.NullMarked;
