package dev.cog.actuate.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.pool.PermitPool;

/**
 * The {@code concurrency} health: each bulkhead's max, active, waiting and available slots. A
 * busy service is not a broken one, so it stays UP when every slot is taken, unless asked to
 * report a saturated bulkhead (no free slot) as OUT_OF_SERVICE, Cog's {@code BUSY}, for a
 * readiness group.
 */
public class ConcurrencyHealthIndicator extends AbstractHealthIndicator {

	private final BulkheadRegistry registry;

	private final boolean saturatedOutOfService;

	/**
	 * Create the indicator.
	 * @param registry the bulkheads to report
	 * @param saturatedOutOfService whether a bulkhead without a free slot makes the health
	 * OUT_OF_SERVICE
	 */
	public ConcurrencyHealthIndicator(BulkheadRegistry registry, boolean saturatedOutOfService) {
		super("Concurrency health check failed");
		this.registry = registry;
		this.saturatedOutOfService = saturatedOutOfService;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean saturated = false;
		Map<String, Object> bulkheads = new LinkedHashMap<>();
		for (Bulkhead bulkhead : this.registry.all()) {
			PermitPool pool = bulkhead.pool();
			int available = pool.available();
			saturated |= available == 0;
			bulkheads.put(bulkhead.name(), new Slots(pool.max(), pool.active(), pool.waiting(), available));
		}
		if (saturated && this.saturatedOutOfService) {
			builder.outOfService();
		}
		else {
			builder.up();
		}
		builder.withDetail("bulkheads", bulkheads);
	}

	/**
	 * One bulkhead's slots.
	 *
	 * @param max its current max
	 * @param active the slots in use
	 * @param waiting the calls waiting for a slot
	 * @param available the free slots
	 */
	public record Slots(int max, int active, int waiting, int available) {

	}

}
