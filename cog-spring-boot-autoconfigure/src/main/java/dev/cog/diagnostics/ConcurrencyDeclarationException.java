package dev.cog.diagnostics;

/**
 * Thrown at startup when a {@code @Concurrent} declaration, or a property that sizes it, cannot be
 * honoured. The application does not start; {@link ConcurrencyDeclarationFailureAnalyzer} prints
 * the description and the action.
 */
public class ConcurrencyDeclarationException extends RuntimeException {

	private final String description;

	private final String action;

	/**
	 * Create an exception.
	 * @param description what is wrong, naming the class, the method, the value and its origin
	 * @param action what to write instead
	 */
	public ConcurrencyDeclarationException(String description, String action) {
		super(description);
		this.description = description;
		this.action = action;
	}

	/**
	 * Return what is wrong.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Return what to write instead.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
