package dev.cog.interceptor;

import java.util.concurrent.Callable;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;

import dev.cog.bulkhead.Bulkhead;

/**
 * Wraps the returned publisher so that each subscription holds a slot from subscribe until
 * complete, error or cancel. A {@code Mono} stays a {@code Mono}; a {@code Flux} or a plain
 * {@code Publisher} becomes a {@code Flux}. A {@code Mono} whose source Reactor can call directly
 * ({@code fromCallable}, {@code fromSupplier}, {@code just}) and that gets a slot at once is served
 * by a {@link CallableSlotSubscription}; every other subscription by a {@link SlotSubscriber}.
 */
final class PublisherCallInterceptor implements MethodInterceptor {

	private final Bulkhead bulkhead;

	private final boolean mono;

	PublisherCallInterceptor(Bulkhead bulkhead, Class<?> returnType) {
		this.bulkhead = bulkhead;
		this.mono = Mono.class.equals(returnType);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object result = invocation.proceed();
		if (result == null) {
			return null;
		}
		Object target = invocation.getThis();
		return this.mono ? new SlotMono<>((Mono<?>) result, this.bulkhead, target)
				: new SlotFlux<>(Flux.from((Publisher<?>) result), this.bulkhead, target);
	}

	private static final class SlotMono<T> extends MonoOperator<T, T> {

		private final Bulkhead bulkhead;

		private final @Nullable Object target;

		SlotMono(Mono<T> source, Bulkhead bulkhead, @Nullable Object target) {
			super(source);
			this.bulkhead = bulkhead;
			this.target = target;
		}

		@Override
		@SuppressWarnings("unchecked")
		public void subscribe(CoreSubscriber<? super T> actual) {
			if (this.source instanceof Callable<?> callable && this.bulkhead.pool().tryAcquire()) {
				CallableSlotSubscription.subscribeHolding(actual, (Callable<? extends T>) callable, this.bulkhead);
				return;
			}
			new SlotSubscriber<T>(actual, this.source, this.bulkhead, this.target, true).start();
		}

	}

	private static final class SlotFlux<T> extends FluxOperator<T, T> {

		private final Bulkhead bulkhead;

		private final @Nullable Object target;

		SlotFlux(Flux<T> source, Bulkhead bulkhead, @Nullable Object target) {
			super(source);
			this.bulkhead = bulkhead;
			this.target = target;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			new SlotSubscriber<T>(actual, this.source, this.bulkhead, this.target, false).start();
		}

	}

}
