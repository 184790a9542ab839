package dev.cog.diagnostics.names.b;

import dev.cog.Concurrent;

/**
 * A predictor whose simple name another package uses too.
 */
public class Predictor {

	@Concurrent
	public String predict() {
		return "b";
	}

}
