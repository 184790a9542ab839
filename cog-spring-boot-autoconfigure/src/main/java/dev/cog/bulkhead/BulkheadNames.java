package dev.cog.bulkhead;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for bulkhead names: the default name of a method and the form of an explicit one.
 */
public final class BulkheadNames {

	/** The form of a bulkhead name. */
	public static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

	private BulkheadNames() {
	}

	/**
	 * Return the default name of a method: the kebab-case simple name of its class, a dot, the
	 * kebab-case method name.
	 * @param userClass the user's class (never a proxy's)
	 * @param method the method
	 * @return the default name, which may not match {@link #PATTERN} for unusual class names
	 */
	public static String defaultName(Class<?> userClass, Method method) {
		return kebab(userClass.getSimpleName()) + "." + kebab(method.getName());
	}

	/**
	 * Return whether a name has the form of {@link #PATTERN}.
	 * @param name the name
	 * @return whether it is valid
	 */
	public static boolean isValid(String name) {
		return PATTERN.matcher(name).matches();
	}

	/**
	 * Return the form a name takes inside an environment variable: upper case, with {@code .}
	 * and {@code -} turned into {@code _}.
	 * @param name the name
	 * @return the environment form
	 */
	public static String environmentForm(String name) {
		return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	/**
	 * Turn a Java identifier into kebab case: {@code generateText} into {@code generate-text},
	 * {@code URLFetcher} into {@code url-fetcher}.
	 * @param identifier the identifier
	 * @return its kebab-case form
	 */
	static String kebab(String identifier) {
		StringBuilder kebab = new StringBuilder(identifier.length() + 4);
		for (int i = 0; i < identifier.length(); i++) {
			char c = identifier.charAt(i);
			if (c == '_' || c == '$') {
				appendDash(kebab);
			}
			else if (Character.isUpperCase(c)) {
				boolean afterLower = i > 0 && !Character.isUpperCase(identifier.charAt(i - 1))
						&& identifier.charAt(i - 1) != '_' && identifier.charAt(i - 1) != '$';
				boolean endsAcronym = i > 0 && Character.isUpperCase(identifier.charAt(i - 1))
						&& i + 1 < identifier.length() && Character.isLowerCase(identifier.charAt(i + 1));
				if (afterLower || endsAcronym) {
					appendDash(kebab);
				}
				kebab.append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		int end = kebab.length();
		while (end > 0 && kebab.charAt(end - 1) == '-') {
			end--;
		}
		return kebab.substring(0, end);
	}

	private static void appendDash(StringBuilder kebab) {
		if (kebab.length() > 0 && kebab.charAt(kebab.length() - 1) != '-') {
			kebab.append('-');
		}
	}

}
