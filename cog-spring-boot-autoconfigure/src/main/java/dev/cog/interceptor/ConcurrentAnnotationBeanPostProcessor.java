package dev.cog.interceptor;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.framework.ProxyProcessorSupport;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

import dev.cog.Concurrent;
import dev.cog.bulkhead.Bulkhead;
import dev.cog.bulkhead.BulkheadMethod;
import dev.cog.bulkhead.BulkheadRegistry;
import dev.cog.diagnostics.ConcurrencyDeclarationException;

/**
 * Finds the {@code @Concurrent} methods of every bean, registers them with the
 * {@link BulkheadRegistry} (which refuses what cannot be honoured) and wraps the bean in a
 * class-based Spring AOP proxy, no AspectJ weaver needed.
 *
 * <p>Each method gets its own advisor, whose interceptor is chosen once for the method's call
 * shape and bound to its bulkhead, so a call does no reflection and no look-up.
 */
public class ConcurrentAnnotationBeanPostProcessor extends ProxyProcessorSupport
		implements BeanPostProcessor {

	private final ObjectProvider<BulkheadRegistry> registry;

	private final Map<Class<?>, List<GuardedMethod>> guardedByClass = new ConcurrentHashMap<>();

	/**
	 * Create a post-processor that registers methods with the given registry, resolved on first
	 * use.
	 * @param registry the registry
	 */
	public ConcurrentAnnotationBeanPostProcessor(ObjectProvider<BulkheadRegistry> registry) {
		this.registry = registry;
		setProxyTargetClass(true);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AopInfrastructureBean) {
			return bean;
		}
		Class<?> userClass = ClassUtils.getUserClass(AopProxyUtils.ultimateTargetClass(bean));
		List<GuardedMethod> guarded = this.guardedByClass.get(userClass);
		if (guarded == null) {
			// Not computeIfAbsent: guarding may create the registry bean, which comes back here.
			guarded = guard(userClass);
			List<GuardedMethod> earlier = this.guardedByClass.putIfAbsent(userClass, guarded);
			guarded = (earlier != null) ? earlier : guarded;
		}
		if (guarded.isEmpty()) {
			return bean;
		}
		if (bean instanceof Advised advised && !advised.isFrozen()) {
			if (AopUtils.isJdkDynamicProxy(bean)) {
				guarded.forEach((method) -> method.checkOnInterfaceOf(advised));
			}
			for (int i = guarded.size() - 1; i >= 0; i--) {
				advised.addAdvisor(0, guarded.get(i).advisor());
			}
			return bean;
		}
		ProxyFactory proxyFactory = new ProxyFactory(bean);
		proxyFactory.copyFrom(this);
		guarded.forEach((method) -> proxyFactory.addAdvisor(method.advisor()));
		// Frozen, the proxy binds each method's chain once instead of looking it up per call
		// (about 5 ns). A later advising post-processor (@Async, @Validated) then wraps this
		// proxy rather than adding to it, which keeps its advice outside ours, as it would be.
		proxyFactory.setFrozen(true);
		return proxyFactory.getProxy(getProxyClassLoader());
	}

	private List<GuardedMethod> guard(Class<?> userClass) {
		Map<Method, Concurrent> annotated = MethodIntrospector.selectMethods(userClass,
				(MethodIntrospector.MetadataLookup<Concurrent>) (method) -> AnnotationUtils.findAnnotation(method,
						Concurrent.class));
		if (annotated.isEmpty()) {
			return List.of();
		}
		BulkheadRegistry bulkheads = this.registry.getObject();
		return annotated.entrySet()
			.stream()
			.sorted(Comparator.comparing((entry) -> entry.getKey().toGenericString()))
			.map((entry) -> {
				BulkheadMethod method = BulkheadMethod.declare(userClass, entry.getKey(), entry.getValue());
				Bulkhead bulkhead = bulkheads.register(method);
				return new GuardedMethod(method, new DefaultPointcutAdvisor(
						new SingleMethodPointcut(entry.getKey()), interceptorFor(bulkhead, method)));
			})
			.toList();
	}

	private static MethodInterceptor interceptorFor(Bulkhead bulkhead, BulkheadMethod method) {
		return switch (method.shape()) {
			case SYNCHRONOUS -> new SynchronousCallInterceptor(bulkhead);
			case COMPLETION_STAGE -> new CompletionStageCallInterceptor(bulkhead);
			case PUBLISHER -> new PublisherCallInterceptor(bulkhead, method.method().getReturnType());
		};
	}

	/** A {@code @Concurrent} method and the advisor that guards it. */
	private record GuardedMethod(BulkheadMethod method, Advisor advisor) {

		void checkOnInterfaceOf(Advised proxy) {
			Method candidate = this.method.method();
			boolean onInterface = Arrays.stream(proxy.getProxiedInterfaces())
				.anyMatch((type) -> ClassUtils.hasMethod(type, candidate.getName(), candidate.getParameterTypes()));
			if (!onInterface) {
				throw new ConcurrencyDeclarationException(
						("@Concurrent on %s cannot be honoured: the bean is already a JDK interface proxy and the "
								+ "method is on none of its interfaces, so the proxy cannot intercept its calls.")
							.formatted(this.method.signature()),
						("Declare %s on an interface of the bean, or let Spring proxy the class "
								+ "(spring.aop.proxy-target-class=true, the default).")
							.formatted(this.method.signature()));
			}
		}

	}

	/** Matches one method, in whichever proxy it is called. */
	private static final class SingleMethodPointcut extends StaticMethodMatcherPointcut {

		private final Method method;

		SingleMethodPointcut(Method method) {
			this.method = method;
		}

		@Override
		public boolean matches(Method candidate, Class<?> targetClass) {
			return this.method.equals(candidate)
					|| this.method.equals(ClassUtils.getMostSpecificMethod(candidate, targetClass));
		}

	}

}
