package dev.cog.web;

import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.cog.ConcurrencyLimitExceededException;

/**
 * Answers a rejection that no handler of the application caught with 503 Service Unavailable, an
 * RFC 9457 problem body and a {@code Retry-After} header, in Spring MVC and in WebFlux alike.
 * It has the lowest precedence, so any handler the application declares wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class RejectionProblemAdvice {

	private final String retryAfterSeconds;

	/**
	 * Create the advice.
	 * @param retryAfter how long a client should wait before it tries again
	 */
	public RejectionProblemAdvice(Duration retryAfter) {
		long seconds = retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0);
		this.retryAfterSeconds = Long.toString(seconds);
	}

	/**
	 * Turn a rejection into a 503 problem.
	 * @param rejection the rejection
	 * @return the answer
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> handleRejection(ConcurrencyLimitExceededException rejection) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				rejection.getMessage());
		problem.setTitle("Concurrency limit reached");
		problem.setProperty("bulkhead", rejection.getBulkhead());
		problem.setProperty("max", rejection.getMax());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, this.retryAfterSeconds)
			.body(problem);
	}

}
