/**
 * Cog's HTTP prediction API: POST /predictions.
 */
@NullMarked
package dev.cog.sample.api;

import org.jspecify.annotations.NullMarked;
