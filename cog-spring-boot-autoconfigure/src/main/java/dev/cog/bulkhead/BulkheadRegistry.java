package dev.cog.bulkhead;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.cog.diagnostics.ConcurrencyDeclarationException;

/**
 * Every bulkhead of the application by name. Methods join a bulkhead as their beans are created;
 * a method that may not join is refused with a {@link ConcurrencyDeclarationException}.
 */
public final class BulkheadRegistry {

	private final BulkheadSizer sizer;

	private final boolean stackTraces;

	private final Map<String, Bulkhead> bulkheads = new ConcurrentSkipListMap<>();

	/** Every bulkhead by the environment form of its name; written under this registry's lock. */
	private final Map<String, Bulkhead> byEnvironmentForm = new HashMap<>();

	private final List<Consumer<Bulkhead>> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Create a registry.
	 * @param sizer resolves each bulkhead's settings
	 * @param stackTraces whether rejections record their stack trace
	 */
	public BulkheadRegistry(BulkheadSizer sizer, boolean stackTraces) {
		this.sizer = sizer;
		this.stackTraces = stackTraces;
	}

	/**
	 * Add a method to the bulkhead of its name, creating the bulkhead if it is the first.
	 * Registering the same method again returns its bulkhead.
	 * @param method the method
	 * @return its bulkhead
	 * @throws ConcurrencyDeclarationException if the method may not join or cannot be sized
	 */
	public synchronized Bulkhead register(BulkheadMethod method) {
		Bulkhead bulkhead = this.bulkheads.get(method.name());
		if (bulkhead != null && bulkhead.methods().contains(method)) {
			return bulkhead;
		}
		if (bulkhead == null) {
			String environmentForm = checkEnvironmentForm(method);
			bulkhead = new Bulkhead(method.name(), method.annotationMax(), this.stackTraces);
			bulkhead.add(method);
			bulkhead.apply(this.sizer.size(method.name(), bulkhead.methods()));
			this.bulkheads.put(method.name(), bulkhead);
			this.byEnvironmentForm.put(environmentForm, bulkhead);
			for (Consumer<Bulkhead> listener : this.listeners) {
				listener.accept(bulkhead);
			}
			return bulkhead;
		}
		checkJoin(bulkhead, method);
		bulkhead.add(method);
		bulkhead.apply(this.sizer.size(method.name(), bulkhead.methods()));
		return bulkhead;
	}

	/**
	 * Return a bulkhead by name.
	 * @param name the name
	 * @return the bulkhead, or {@code null} if there is none of that name
	 */
	public @Nullable Bulkhead get(String name) {
		return this.bulkheads.get(name);
	}

	/**
	 * Return every bulkhead, ordered by name.
	 * @return the bulkheads
	 */
	public Collection<Bulkhead> all() {
		return List.copyOf(this.bulkheads.values());
	}

	/**
	 * Call the listener for every bulkhead there is and every one registered later.
	 * @param listener the listener
	 */
	public synchronized void forEachBulkhead(Consumer<Bulkhead> listener) {
		this.bulkheads.values().forEach(listener);
		this.listeners.add(listener);
	}

	private String checkEnvironmentForm(BulkheadMethod method) {
		String form = BulkheadNames.environmentForm(method.name());
		Bulkhead other = this.byEnvironmentForm.get(form);
		if (other != null) {
			throw new ConcurrencyDeclarationException(
					("Bulkheads '%s' (%s) and '%s' (%s) map to the same environment variable "
							+ "COG_CONCURRENCY_INSTANCES_%s_MAX, so one could not be sized apart from the other.")
						.formatted(other.name(), signatures(other.methods()), method.name(), method.signature(),
								form),
					"Rename one of them with @Concurrent(name = \"...\") so that the names differ by more than "
							+ "'.' against '-'.");
		}
		return form;
	}

	private void checkJoin(Bulkhead bulkhead, BulkheadMethod method) {
		for (BulkheadMethod member : bulkhead.methods()) {
			if (member.userClass() != method.userClass() && !(member.explicitName() && method.explicitName())) {
				throw new ConcurrencyDeclarationException(
						("%s and %s both get the bulkhead name '%s' but %s, so they would share one pool "
								+ "without anyone having written it down.")
							.formatted(member.signature(), method.signature(), method.name(),
									(member.explicitName() || method.explicitName())
											? "only one of them declares it"
											: "they are in different classes"),
						("Give one of them an explicit @Concurrent(name = \"...\"), or write the same "
								+ "@Concurrent(name = \"%s\") on both to share the pool on purpose.")
							.formatted(method.name()));
			}
			if (member.annotationMax() != method.annotationMax()) {
				throw new ConcurrencyDeclarationException(
						("%s declares @Concurrent(max = %d) and %s declares @Concurrent(max = %d), but they share "
								+ "bulkhead '%s', which has one max.")
							.formatted(member.signature(), member.annotationMax(), method.signature(),
									method.annotationMax(), method.name()),
						"Declare the same max on every method of bulkhead '%s', or give them different names."
							.formatted(method.name()));
			}
		}
	}

	static String signatures(List<BulkheadMethod> methods) {
		return methods.stream().map(BulkheadMethod::signature).collect(Collectors.joining(", "));
	}

}
