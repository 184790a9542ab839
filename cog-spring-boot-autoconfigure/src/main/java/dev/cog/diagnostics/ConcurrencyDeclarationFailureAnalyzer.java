package dev.cog.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link ConcurrencyDeclarationException} when the application fails to start.
 */
class ConcurrencyDeclarationFailureAnalyzer extends AbstractFailureAnalyzer<ConcurrencyDeclarationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConcurrencyDeclarationException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
