package dev.cog.bulkhead;

import java.util.List;

import dev.cog.diagnostics.ConcurrencyDeclarationException;

/**
 * Resolves a bulkhead's settings from wherever they are configured.
 */
@FunctionalInterface
public interface BulkheadSizer {

	/**
	 * Resolve the settings of a bulkhead.
	 * @param name the bulkhead name
	 * @param methods the methods it guards, all declaring the same annotation max
	 * @return its settings
	 * @throws ConcurrencyDeclarationException if a setting cannot be honoured
	 */
	Sizing size(String name, List<BulkheadMethod> methods);

}
