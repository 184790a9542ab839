package dev.cog.resolve;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.PropertySource;

/**
 * One value that one property source sets for a key, with where it was set.
 *
 * @param key the dotted key
 * @param value the raw value
 * @param origin where it was set: a file and line, an environment variable, a system property
 * @param configFile the config file that set it, or {@code null} if it came from elsewhere
 */
public record PropertySetting(String key, Object value, String origin, @Nullable String configFile) {

	static PropertySetting of(String key, ConfigurationProperty property, ConfigurationPropertySource source) {
		Origin origin = property.getOrigin();
		TextResourceOrigin file = textResource(origin);
		return new PropertySetting(key, property.getValue(),
				(origin != null) ? origin.toString() : describe(key, source.getUnderlyingSource()),
				(file != null && file.getResource() != null) ? file.getResource().getDescription() : null);
	}

	private static @Nullable TextResourceOrigin textResource(@Nullable Origin origin) {
		for (Origin candidate = origin; candidate != null; candidate = candidate.getParent()) {
			if (candidate instanceof TextResourceOrigin textResource) {
				return textResource;
			}
		}
		return null;
	}

	private static String describe(String key, @Nullable Object underlying) {
		if (underlying instanceof PropertySource<?> source) {
			return switch (source.getName()) {
				case "systemProperties" -> "Java system property -D" + key;
				case "commandLineArgs" -> "command-line argument --" + key;
				default -> "property source '" + source.getName() + "'";
			};
		}
		return "an unnamed property source";
	}

}
