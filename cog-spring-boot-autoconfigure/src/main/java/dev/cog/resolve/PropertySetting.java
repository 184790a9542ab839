package dev.cog.resolve;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

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
		return new PropertySetting(key, property.getValue(), describe(key, origin, source.getUnderlyingSource()),
				(file != null && file.getResource() != null) ? file.getResource().getDescription() : null);
	}

	private static @Nullable TextResourceOrigin textResource(@Nullable Origin origin) {
		for (Origin candidate = origin; candidate != null; candidate = candidate.getParent()) {
			Origin inner = (candidate instanceof PropertySourceOrigin wrapper) ? wrapper.getOrigin() : candidate;
			if (inner instanceof TextResourceOrigin textResource) {
				return textResource;
			}
		}
		return null;
	}

	private static String describe(String key, @Nullable Origin origin, @Nullable Object underlying) {
		String sourceName = (underlying instanceof PropertySource<?> source) ? source.getName() : null;
		if (StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(sourceName)) {
			return "Java system property -D" + key;
		}
		if (CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME.equals(sourceName)) {
			return "command-line argument --" + key;
		}
		if (origin != null) {
			return origin.toString();
		}
		return (sourceName != null) ? "property source '" + sourceName + "'" : "an unnamed property source";
	}

}
