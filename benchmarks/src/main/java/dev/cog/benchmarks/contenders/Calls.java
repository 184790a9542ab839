package dev.cog.benchmarks.contenders;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.infra.Blackhole;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * One call of each shape, as every benchmark makes it: the result goes to a {@link Blackhole}
 * and a rejection is reported, never thrown on.
 */
public enum Calls {

	/** {@link Service#call(int)}; a rejection is the exception it throws. */
	CALL {
		@Override
		public boolean make(Service service, int x, Blackhole blackhole) {
			try {
				blackhole.consume(service.call(x));
				return true;
			}
			catch (RuntimeException ex) {
				blackhole.consume(ex);
				return false;
			}
		}
	},

	/**
	 * {@link Service#future(int)}; a rejection is a future that completed exceptionally, or an
	 * exception thrown as Spring's {@code @ConcurrencyLimit} does.
	 */
	FUTURE {
		@Override
		public boolean make(Service service, int x, Blackhole blackhole) {
			try {
				CompletableFuture<Integer> future = service.future(x);
				blackhole.consume(future);
				return !future.isCompletedExceptionally();
			}
			catch (RuntimeException ex) {
				blackhole.consume(ex);
				return false;
			}
		}
	},

	/** {@link Service#mono(int)}, subscribed to; a rejection is an error signal, or a thrown exception. */
	MONO {
		@Override
		public boolean make(Service service, int x, Blackhole blackhole) {
			try {
				Probe probe = new Probe();
				service.mono(x).subscribe(probe);
				blackhole.consume(probe.value);
				return probe.failure == null;
			}
			catch (RuntimeException ex) {
				blackhole.consume(ex);
				return false;
			}
		}
	};

	/**
	 * Make one call.
	 * @param service the service to call
	 * @param x the argument
	 * @param blackhole where the result goes
	 * @return whether the call was admitted
	 */
	public abstract boolean make(Service service, int x, Blackhole blackhole);

	/** Requests everything and remembers the outcome; every benchmark publisher is synchronous. */
	static final class Probe implements CoreSubscriber<Object> {

		@Nullable Object value;

		@Nullable Throwable failure;

		@Override
		public void onSubscribe(Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(Object value) {
			this.value = value;
		}

		@Override
		public void onError(Throwable failure) {
			this.failure = failure;
		}

		@Override
		public void onComplete() {
		}

	}

}
