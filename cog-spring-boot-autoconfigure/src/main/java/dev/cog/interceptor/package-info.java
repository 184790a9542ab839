/**
 * Interception: the post-processor that proxies beans with {@code @Concurrent} methods, and one
 * interceptor per call shape (synchronous, {@code CompletionStage}, Reactive Streams
 * {@code Publisher}).
 */
@NullMarked
package dev.cog.interceptor;

import org.jspecify.annotations.NullMarked;
