package dev.cog.diagnostics.names.a;

import dev.cog.Concurrent;

/**
 * A predictor whose simple name another package uses too.
 */
public class Predictor {

	@Concurrent
	public String predict() {
		return "a";
	}

}
