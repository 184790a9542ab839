/**
 * HTTP: a rejected call becomes a 503 problem with {@code Retry-After}.
 */
@NullMarked
package dev.cog.web;

import org.jspecify.annotations.NullMarked;
