package cn.changsha.appeals.edge.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Whatever no other handler answered. Spring's own errors keep their status; anything else is a
 * bug of ours: logged with its stack trace here, answered without one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class LastResortProblemHandler {

  private static final Logger log = LoggerFactory.getLogger(LastResortProblemHandler.class);

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    if (e instanceof ErrorResponse known) {
      return known.getBody();
    }
    log.error("Unexpected error answering a request", e);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed; it has been logged");
  }
}
