package dev.cog.interceptor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import dev.cog.Concurrent;
import dev.cog.ConcurrencyLimitExceededException;
import dev.cog.autoconfigure.ConcurrencyAutoConfiguration;
import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.BulkheadRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code Publisher} methods: each subscription holds a slot from subscribe until
 * complete, error or cancel.
 */
class PublisherCallTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConcurrencyAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@Test
	void monoStaysAMonoAndFluxStaysAFlux() {
		this.contextRunner.run((context) -> {
			Streams streams = context.getBean(Streams.class);
			assertThat(streams.mono()).isInstanceOf(Mono.class);
			assertThat(streams.flux()).isInstanceOf(Flux.class);
			assertThat(streams.publisher()).isInstanceOf(Flux.class);
		});
	}

	@Test
	void slotIsTakenOnSubscribeNotOnCall() {
		this.contextRunner.run((context) -> {
			Streams streams = context.getBean(Streams.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("streams.mono");
			Mono<String> mono = streams.mono();
			assertThat(bulkhead.pool().active()).isZero();
			Disposable first = mono.subscribe();
			Disposable second = mono.subscribe();
			assertThat(bulkhead.pool().active()).isEqualTo(2);
			first.dispose();
			second.dispose();
			assertThat(bulkhead.pool().active()).isZero();
		});
	}

	@Test
	void subscriptionBeyondMaxGetsTheRejectionAsAnError() {
		this.contextRunner.run((context) -> {
			Streams streams = context.getBean(Streams.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("streams.mono");
			streams.mono().subscribe();
			streams.mono().subscribe();
			StepVerifier.create(streams.mono())
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ConcurrencyLimitExceededException.class)
					.hasMessageContaining("'streams.mono' has all 2 slots taken"))
				.verify(TIMEOUT);
			assertThat(bulkhead.rejected()).isEqualTo(1);
			assertThat(bulkhead.pool().active()).isEqualTo(2);
		});
	}

	@Test
	void slotIsFreedOnCompleteBeforeTheSubscriberSeesIt() {
		this.contextRunner.run((context) -> {
			Streams streams = context.getBean(Streams.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("streams.mono");
			StepVerifier.create(streams.mono())
				.then(() -> assertThat(bulkhead.pool().active()).isEqualTo(1))
				.then(() -> streams.sinks().get(0).tryEmitValue("done"))
				.assertNext((value) -> assertThat(bulkhead.pool().active()).isZero())
				.verifyComplete();
		});
	}

	@Test
	void fluxCancelledByItsSubscriberFreesTheSlot() {
		this.contextRunner.run((context) -> {
			Streams streams = context.getBean(Streams.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("streams.flux");
			assertThat(streams.flux().next().block(TIMEOUT)).isEqualTo(1);
			assertThat(bulkhead.pool().active()).isZero();
		});
	}

	@Test
	void slotIsFreedOnError() {
		this.contextRunner.run((context) -> {
			Streams streams = context.getBean(Streams.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("streams.mono");
			StepVerifier.create(streams.mono())
				.then(() -> streams.sinks().get(0).tryEmitError(new IllegalStateException("boom")))
				.expectErrorMessage("boom")
				.verify(TIMEOUT);
			assertThat(bulkhead.pool().active()).isZero();
		});
	}

	@Test
	void everyFluxSubscriptionHoldsItsOwnSlotUntilComplete() {
		this.contextRunner.run((context) -> {
			Streams streams = context.getBean(Streams.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("streams.flux");
			Flux<Integer> flux = streams.flux();
			StepVerifier.create(flux, 0)
				.then(() -> assertThat(bulkhead.pool().active()).isEqualTo(1))
				.thenRequest(2)
				.expectNext(1, 2)
				.then(() -> assertThat(bulkhead.pool().active()).isEqualTo(1))
				.thenRequest(1)
				.expectNext(3)
				.verifyComplete();
			StepVerifier.create(flux).expectNext(1, 2, 3).verifyComplete();
			assertThat(bulkhead.pool().active()).isZero();
		});
	}

	@Test
	void waitingSubscriptionStartsWhenASlotFrees() {
		this.contextRunner.withPropertyValues("cog.concurrency.max-wait=30s").run((context) -> {
			Streams streams = context.getBean(Streams.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("streams.mono");
			streams.mono().subscribe();
			streams.mono().subscribe();
			StepVerifier.create(streams.mono())
				.then(() -> assertThat(bulkhead.pool().waiting()).isEqualTo(1))
				.then(() -> assertThat(streams.sinks()).hasSize(2))
				.then(() -> streams.sinks().get(0).tryEmitValue("first"))
				.then(() -> streams.sinks().get(2).tryEmitValue("third"))
				.expectNext("third")
				.verifyComplete();
			assertThat(bulkhead.pool().active()).isEqualTo(1);
		});
	}

	@Test
	void cancelledWaitingSubscriptionLeavesTheQueue() {
		this.contextRunner.withPropertyValues("cog.concurrency.max-wait=30s").run((context) -> {
			Streams streams = context.getBean(Streams.class);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("streams.mono");
			streams.mono().subscribe();
			streams.mono().subscribe();
			Disposable waiting = streams.mono().subscribe();
			assertThat(bulkhead.pool().waiting()).isEqualTo(1);
			waiting.dispose();
			assertThat(bulkhead.pool().waiting()).isZero();
			streams.sinks().get(0).tryEmitValue("first");
			assertThat(streams.sinks()).hasSize(2);
			assertThat(bulkhead.pool().active()).isEqualTo(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

		@Bean
		Streams streams() {
			return new Streams();
		}

	}

	static class Streams {

		private final List<Sinks.One<String>> sinks = new CopyOnWriteArrayList<>();

		@Concurrent(max = 2)
		public Mono<String> mono() {
			return Mono.defer(() -> {
				Sinks.One<String> sink = Sinks.one();
				this.sinks.add(sink);
				return sink.asMono();
			});
		}

		@Concurrent(max = 2)
		public Flux<Integer> flux() {
			return Flux.just(1, 2, 3);
		}

		@Concurrent(max = 2)
		public Publisher<Integer> publisher() {
			return Flux.just(1);
		}

		public List<Sinks.One<String>> sinks() {
			return this.sinks;
		}

	}

}
