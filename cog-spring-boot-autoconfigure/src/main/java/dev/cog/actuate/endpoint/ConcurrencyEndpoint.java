package dev.cog.actuate.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.BulkheadMethod;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.bulkhead.MaxSource;
import dev.cog.resolve.PropertyKeys;

/**
 * {@code /actuator/concurrency}: every bulkhead, how full it is, where its max came from and how
 * to override it; a write resizes one while the application runs. Read-only by default:
 * resizing needs {@code management.endpoint.concurrency.access=unrestricted}.
 */
@Endpoint(id = "concurrency", defaultAccess = Access.READ_ONLY)
public class ConcurrencyEndpoint {

	private final BulkheadRegistry registry;

	/**
	 * Create the endpoint.
	 * @param registry the bulkheads to show
	 */
	public ConcurrencyEndpoint(BulkheadRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Describe every bulkhead.
	 * @return the bulkheads by name
	 */
	@ReadOperation
	public BulkheadsDescriptor bulkheads() {
		Map<String, BulkheadDescriptor> bulkheads = new LinkedHashMap<>();
		this.registry.all().forEach((bulkhead) -> bulkheads.put(bulkhead.name(), describe(bulkhead)));
		return new BulkheadsDescriptor(bulkheads);
	}

	/**
	 * Describe one bulkhead.
	 * @param name its name
	 * @return the bulkhead, or {@code null} (404) if there is none of that name
	 */
	@ReadOperation
	public @Nullable BulkheadDescriptor bulkhead(@Selector String name) {
		Bulkhead bulkhead = this.registry.get(name);
		return (bulkhead != null) ? describe(bulkhead) : null;
	}

	/**
	 * Resize one bulkhead: growing admits waiters at once, shrinking lets the calls in flight
	 * finish.
	 * @param name its name
	 * @param max the new max
	 * @return the resized bulkhead
	 * @throws InvalidEndpointRequestException (400) if there is no bulkhead of that name (a
	 * write that returns nothing answers 204, which would hide the mistake), or if {@code max}
	 * is below 1, or above 1 for a synchronous bulkhead
	 */
	@WriteOperation
	public BulkheadDescriptor resize(@Selector String name, int max) {
		Bulkhead bulkhead = this.registry.get(name);
		if (bulkhead == null) {
			String message = "No bulkhead is named '%s'; the bulkheads are: %s".formatted(name,
					this.registry.all().stream().map(Bulkhead::name).collect(Collectors.joining(", ")));
			throw new InvalidEndpointRequestException(message, message);
		}
		try {
			bulkhead.resize(max);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), ex.getMessage(), ex);
		}
		return describe(bulkhead);
	}

	private static BulkheadDescriptor describe(Bulkhead bulkhead) {
		String key = PropertyKeys.max(bulkhead.name());
		MaxSource source = bulkhead.source();
		return new BulkheadDescriptor(bulkhead.name(),
				bulkhead.methods().stream().map(BulkheadMethod::signature).toList(), bulkhead.isAsync(),
				bulkhead.pool().max(), bulkhead.pool().active(), bulkhead.pool().waiting(),
				bulkhead.pool().available(), bulkhead.maxWait().toString(), bulkhead.rejected(),
				bulkhead.annotationMax(),
				new SourceDescriptor(source.type().name().toLowerCase(Locale.ROOT), source.property(),
						source.origin(), new OverrideDescriptor(key, PropertyKeys.environmentVariable(key))));
	}

	/**
	 * Every bulkhead.
	 *
	 * @param bulkheads the bulkheads by name, ordered by name
	 */
	public record BulkheadsDescriptor(Map<String, BulkheadDescriptor> bulkheads) implements OperationResponseBody {

	}

	/**
	 * One bulkhead.
	 *
	 * @param name its name
	 * @param methods the methods it guards, as {@code fully.qualified.Class#method(ParamType, ...)}
	 * @param async whether every method is asynchronous
	 * @param max its current max
	 * @param active the slots in use
	 * @param waiting the calls waiting for a slot
	 * @param available the free slots
	 * @param maxWait how long a call may wait for a slot, ISO-8601
	 * @param rejected the calls rejected since startup
	 * @param annotationMax the max its {@code @Concurrent} declares
	 * @param source where {@code max} came from
	 */
	public record BulkheadDescriptor(String name, List<String> methods, boolean async, int max, int active,
			int waiting, int available, String maxWait, long rejected, int annotationMax,
			SourceDescriptor source) implements OperationResponseBody {

	}

	/**
	 * Where a bulkhead's max came from.
	 *
	 * @param type {@code property}, {@code annotation} or {@code runtime}
	 * @param property the key that set it, for type {@code property}
	 * @param origin where that key was set: a file and line, an environment variable
	 * @param overrideWith what to set to override it
	 */
	public record SourceDescriptor(String type, @Nullable String property, @Nullable String origin,
			OverrideDescriptor overrideWith) {

	}

	/**
	 * The settings that override a bulkhead's max.
	 *
	 * @param property its own key, {@code cog.concurrency.instances.<name>.max}
	 * @param env that key's environment variable
	 */
	public record OverrideDescriptor(String property, String env) {

	}

}
