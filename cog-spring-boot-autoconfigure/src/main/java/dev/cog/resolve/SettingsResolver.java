package dev.cog.resolve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.cog.bulkhead.BulkheadMethod;
import dev.cog.bulkhead.BulkheadSizer;
import dev.cog.bulkhead.MaxSource;
import dev.cog.bulkhead.Sizing;
import dev.cog.diagnostics.ConcurrencyDeclarationException;

/**
 * Resolves bulkhead settings by walking Spring's property sources in their order of precedence:
 * the first source that sets the bulkhead's own key, or the global key, decides, and inside one
 * source the bulkhead's own key beats the global one. When no source sets either, the annotation
 * decides. The global {@code cog.max-concurrency} applies to asynchronous bulkheads only.
 *
 * <p>Every value any source sets is checked, not only the winner: a bad value is refused rather
 * than silently shadowed.
 */
public final class SettingsResolver implements BulkheadSizer {

	private static final ConfigurationPropertyName INSTANCES = ConfigurationPropertyName.of(PropertyKeys.INSTANCES);

	private final Environment environment;

	/**
	 * Create a resolver over the environment's property sources.
	 * @param environment the environment
	 */
	public SettingsResolver(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Sizing size(String name, List<BulkheadMethod> methods) {
		BulkheadMethod first = methods.get(0);
		boolean async = methods.stream().allMatch((method) -> method.shape().isAsync());
		String subject = "Bulkhead '%s' (%s)".formatted(name,
				String.join(", ", methods.stream().map(BulkheadMethod::signature).toList()));
		PropertySetting maxSetting = decide(PropertyKeys.max(name), async ? PropertyKeys.GLOBAL_MAX : null,
				(setting) -> checkMax(subject, setting, first.annotationMax()));
		MaxSource source = MaxSource.annotation();
		int max = first.annotationMax();
		if (maxSetting != null) {
			max = checkMax(subject, maxSetting, first.annotationMax());
			source = MaxSource.property(maxSetting.key(), maxSetting.origin());
		}
		if (!async && max > 1) {
			throw new ConcurrencyDeclarationException(
					("%s guards a synchronous method, but %s sets its max to %d: a synchronous call holds its caller's "
							+ "thread, so only one may run at a time.")
						.formatted(subject, describe(maxSetting), max),
					("Set %s to 1 or remove it; to run calls at once, make every method of the bulkhead return "
							+ "CompletionStage, CompletableFuture, Mono or Flux.")
						.formatted(PropertyKeys.max(name)));
		}
		PropertySetting waitSetting = decide(PropertyKeys.maxWait(name), PropertyKeys.GLOBAL_MAX_WAIT,
				(setting) -> checkMaxWait(subject, setting));
		Duration maxWait = (waitSetting != null) ? checkMaxWait(subject, waitSetting) : Duration.ZERO;
		return new Sizing(max, source, maxWait);
	}

	/**
	 * Check the global settings on their own, so that a bad value is refused even where no
	 * bulkhead reads it.
	 * @throws ConcurrencyDeclarationException if a value cannot be honoured
	 */
	public void checkGlobalSettings() {
		String subject = "The global setting";
		settings(PropertyKeys.GLOBAL_MAX).forEach((setting) -> checkMax(subject, setting, 1));
		settings(PropertyKeys.GLOBAL_MAX_WAIT).forEach((setting) -> checkMaxWait(subject, setting));
	}

	/**
	 * Return every value of {@code cog.max-concurrency} set in a config file: a deprecated use.
	 * @return the settings, highest precedence first
	 */
	public List<PropertySetting> globalMaxInConfigFiles() {
		return settings(PropertyKeys.GLOBAL_MAX).stream().filter((setting) -> setting.configFile() != null).toList();
	}

	/**
	 * Return every key under {@code cog.concurrency.instances} that sets nothing a bulkhead of
	 * the given names reads, with where it was set.
	 * @param names the names of the bulkheads there are
	 * @return descriptions of the unknown keys
	 */
	public List<String> unknownInstanceKeys(Collection<String> names) {
		Set<ConfigurationPropertyName> known = new HashSet<>();
		Set<String> knownInEnvironment = new HashSet<>();
		for (String name : names) {
			for (String key : List.of(PropertyKeys.max(name), PropertyKeys.maxWait(name))) {
				known.add(ConfigurationPropertyName.of(key));
				knownInEnvironment.add(PropertyKeys.environmentVariable(key));
			}
		}
		List<String> unknown = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			boolean environmentVariables = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
			iterable.stream().filter(INSTANCES::isAncestorOf).forEach((candidate) -> {
				boolean isKnown = environmentVariables
						? knownInEnvironment.contains(PropertyKeys.environmentVariable(candidate.toString()))
						: known.contains(candidate);
				if (!isKnown) {
					ConfigurationProperty property = source.getConfigurationProperty(candidate);
					unknown.add((property != null)
							? candidate + " (" + PropertySetting.of(candidate.toString(), property, source).origin()
									+ ")"
							: candidate.toString());
				}
			});
		}
		return unknown;
	}

	/**
	 * Return the deciding setting: the first source that sets the own key or the global key
	 * wins, the own key first within a source. Every setting found is checked on the way.
	 */
	private @Nullable PropertySetting decide(String ownKey, @Nullable String globalKey,
			Function<PropertySetting, ?> check) {
		ConfigurationPropertyName own = ConfigurationPropertyName.of(ownKey);
		ConfigurationPropertyName global = (globalKey != null) ? ConfigurationPropertyName.of(globalKey) : null;
		PropertySetting decision = null;
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			PropertySetting ownSetting = find(source, own, ownKey);
			PropertySetting globalSetting = (global != null) ? find(source, global, globalKey) : null;
			for (PropertySetting setting : new PropertySetting[] { ownSetting, globalSetting }) {
				if (setting != null) {
					check.apply(setting);
					if (decision == null) {
						decision = setting;
					}
				}
			}
		}
		return decision;
	}

	private List<PropertySetting> settings(String key) {
		ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
		List<PropertySetting> settings = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			PropertySetting setting = find(source, name, key);
			if (setting != null) {
				settings.add(setting);
			}
		}
		return settings;
	}

	private static @Nullable PropertySetting find(ConfigurationPropertySource source, ConfigurationPropertyName name,
			String key) {
		ConfigurationProperty property = source.getConfigurationProperty(name);
		return (property != null) ? PropertySetting.of(key, property, source) : null;
	}

	private static int checkMax(String subject, PropertySetting setting, int annotationMax) {
		Integer max = parseInt(setting.value());
		if (max == null || max < 1) {
			throw new ConcurrencyDeclarationException(
					"%s: %s = '%s' (%s) is %s; a max must be a whole number of at least 1.".formatted(subject,
							setting.key(), setting.value(), setting.origin(),
							(max == null) ? "not a whole number" : "below 1"),
					"Set %s to a whole number of at least 1 where it is set (%s), or remove it to use the annotation's max of %d."
						.formatted(setting.key(), setting.origin(), annotationMax));
		}
		return max;
	}

	private static Duration checkMaxWait(String subject, PropertySetting setting) {
		Duration maxWait = parseDuration(setting.value());
		if (maxWait == null || maxWait.isNegative()) {
			throw new ConcurrencyDeclarationException(
					"%s: %s = '%s' (%s) is %s; a max-wait must be a duration of 0 or more.".formatted(subject,
							setting.key(), setting.value(), setting.origin(),
							(maxWait == null) ? "not a duration" : "negative"),
					"Set %s to a duration such as 0, 500ms, 2s or PT2S where it is set (%s), or remove it to reject at once."
						.formatted(setting.key(), setting.origin()));
		}
		return maxWait;
	}

	private static @Nullable Integer parseInt(Object value) {
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).intValue();
		}
		if (value instanceof Long number) {
			return (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) ? number.intValue() : null;
		}
		if (value instanceof CharSequence text) {
			try {
				return Integer.valueOf(text.toString().trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static @Nullable Duration parseDuration(Object value) {
		if (value instanceof Duration duration) {
			return duration;
		}
		if (value instanceof Integer || value instanceof Long) {
			return Duration.ofMillis(((Number) value).longValue());
		}
		if (value instanceof CharSequence text) {
			try {
				return DurationStyle.detectAndParse(text.toString().trim());
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

	private static String describe(@Nullable PropertySetting setting) {
		return (setting != null) ? setting.key() + " (" + setting.origin() + ")" : "the annotation";
	}

}
