package dev.cog.benchmarks.contenders;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;

/**
 * Everything the benchmarks compare. Every guarded contender is reached through a CGLIB proxy,
 * Spring Boot's default, so they differ only in what guards the call.
 */
public enum Contender {

	/** A plain call, no proxy. */
	DIRECT {
		@Override
		Contestant start(int asyncLimit) {
			return new Contestant(new Service(), null);
		}
	},

	/** A CGLIB proxy with no advice. */
	PROXY {
		@Override
		Contestant start(int asyncLimit) {
			return new Contestant(unadvisedProxy(), null);
		}
	},

	/**
	 * A CGLIB proxy whose advice is one empty {@code MethodInterceptor}: what Spring AOP itself
	 * costs every interceptor-based annotation, before it does anything.
	 */
	ADVISED {
		@Override
		Contestant start(int asyncLimit) {
			ProxyFactory factory = new ProxyFactory(new Service());
			factory.setProxyTargetClass(true);
			factory.addAdvice((MethodInterceptor) MethodInvocation::proceed);
			return new Contestant((Service) factory.getProxy(), null);
		}
	},

	/** A raw {@code Semaphore} try/release around the unadvised proxy: the floor. */
	SEMAPHORE {
		@Override
		Contestant start(int asyncLimit) {
			return new Contestant(new SemaphoreService(unadvisedProxy(), asyncLimit), null);
		}
	},

	/** Spring Framework 7 {@code @ConcurrencyLimit}. */
	SPRING {
		@Override
		Contestant start(int asyncLimit) {
			return Contexts.spring(asyncLimit);
		}
	},

	/** Resilience4j's core {@code Bulkhead} around the unadvised proxy. */
	RESILIENCE4J {
		@Override
		Contestant start(int asyncLimit) {
			return new Contestant(new Resilience4jCoreService(unadvisedProxy(), asyncLimit), null);
		}
	},

	/** Resilience4j's {@code @Bulkhead} through its Spring aspect. */
	RESILIENCE4J_ANNOTATION {
		@Override
		Contestant start(int asyncLimit) {
			return Contexts.resilience4j(asyncLimit);
		}
	},

	/** Our {@code @Concurrent}, no meter registry. */
	COG {
		@Override
		Contestant start(int asyncLimit) {
			return Contexts.cog(asyncLimit, false);
		}
	},

	/** Our {@code @Concurrent} with a real Micrometer registry and Boot's metrics auto-configuration. */
	COG_METRICS {
		@Override
		Contestant start(int asyncLimit) {
			return Contexts.cog(asyncLimit, true);
		}
	};

	/**
	 * Start the contender.
	 * @param asyncLimit the limit of its asynchronous methods; its synchronous method's is 1
	 * @return the started contender, to close when done
	 */
	abstract Contestant start(int asyncLimit);

	/**
	 * Start the contender with its methods doing the given work; its synchronous method's limit
	 * is 1.
	 * @param asyncLimit the limit of its asynchronous methods
	 * @param work what each call does inside its slot
	 * @return the started contender, to close when done
	 */
	public Contestant start(int asyncLimit, Work work) {
		Contestant contestant = start(asyncLimit);
		contestant.service().workWith(work);
		return contestant;
	}

	/**
	 * Return whether it limits concurrency at all, rather than being a baseline.
	 * @return whether it guards its calls
	 */
	public boolean guards() {
		return this != DIRECT && this != PROXY && this != ADVISED;
	}

	private static Service unadvisedProxy() {
		ProxyFactory factory = new ProxyFactory(new Service());
		factory.setProxyTargetClass(true);
		return (Service) factory.getProxy();
	}

}
