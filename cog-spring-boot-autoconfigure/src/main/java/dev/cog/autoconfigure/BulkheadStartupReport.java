package dev.cog.autoconfigure;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.BulkheadMethod;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.resolve.PropertyKeys;
import dev.cog.resolve.PropertySetting;
import dev.cog.resolve.SettingsResolver;

/**
 * Once every singleton exists: refuses bad global settings, logs one INFO line per bulkhead and
 * warns of deprecated or unknown settings.
 */
class BulkheadStartupReport implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(BulkheadStartupReport.class);

	private final BulkheadRegistry registry;

	private final SettingsResolver resolver;

	BulkheadStartupReport(BulkheadRegistry registry, SettingsResolver resolver) {
		this.registry = registry;
		this.resolver = resolver;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.resolver.checkGlobalSettings();
		Collection<Bulkhead> bulkheads = this.registry.all();
		bulkheads.forEach((bulkhead) -> logger.info(describe(bulkhead)));
		warnOfDeprecatedGlobalMax(bulkheads);
		warnOfUnknownInstances(bulkheads);
	}

	static String describe(Bulkhead bulkhead) {
		String key = PropertyKeys.max(bulkhead.name());
		return "Bulkhead '%s': max %d from %s, max-wait %s, guarding %s; override with %s or %s".formatted(
				bulkhead.name(), bulkhead.pool().max(), bulkhead.source().describe(), bulkhead.maxWait(),
				bulkhead.methods().stream().map(BulkheadMethod::signature).collect(Collectors.joining(", ")), key,
				PropertyKeys.environmentVariable(key));
	}

	private void warnOfDeprecatedGlobalMax(Collection<Bulkhead> bulkheads) {
		List<PropertySetting> settings = this.resolver.globalMaxInConfigFiles();
		if (settings.isEmpty()) {
			return;
		}
		PropertySetting setting = settings.get(0);
		List<String> affected = bulkheads.stream().filter(Bulkhead::isAsync).map(Bulkhead::name).toList();
		String example = affected.isEmpty() ? "<name>" : affected.get(0);
		logger.warn(("%s=%s in %s is deprecated, as concurrency.max in cog.yaml is. It still applies to %s. Declare the "
				+ "concurrency on the method instead with @Concurrent(max=%s), or per bulkhead with %s; an operator "
				+ "can still override every asynchronous bulkhead with %s.")
			.formatted(PropertyKeys.GLOBAL_MAX, setting.value(),
					settings.stream().map(PropertySetting::configFile).distinct().collect(Collectors.joining(", ")),
					affected.isEmpty() ? "no bulkhead (none is asynchronous)" : "bulkheads " + String.join(", ", affected),
					setting.value(), PropertyKeys.max(example), PropertyKeys.environmentVariable(PropertyKeys.GLOBAL_MAX)));
	}

	private void warnOfUnknownInstances(Collection<Bulkhead> bulkheads) {
		List<String> names = bulkheads.stream().map(Bulkhead::name).toList();
		List<String> unknown = this.resolver.unknownInstanceKeys(names);
		if (!unknown.isEmpty()) {
			logger.warn("%s set%s nothing: %s. The bulkheads are: %s.".formatted(String.join(", ", unknown),
					(unknown.size() == 1) ? "s" : "", (unknown.size() == 1) ? "it names no bulkhead or setting"
							: "they name no bulkhead or setting",
					names.isEmpty() ? "(none)" : String.join(", ", names)));
		}
	}

}
