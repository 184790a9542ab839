package dev.cog.bulkhead;

import java.time.Duration;

/**
 * A bulkhead's resolved settings.
 *
 * @param max how many calls may hold a slot at once
 * @param source where {@code max} came from
 * @param maxWait how long a call may wait for a slot
 */
public record Sizing(int max, MaxSource source, Duration maxWait) {

}
