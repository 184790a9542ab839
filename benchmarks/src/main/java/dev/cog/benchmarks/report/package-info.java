/**
 * Turns JMH's JSON results into the README's ratio tables and bar verdicts.
 */
@NullMarked
package dev.cog.benchmarks.report;

import org.jspecify.annotations.NullMarked;
