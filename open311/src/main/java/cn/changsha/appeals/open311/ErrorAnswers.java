package cn.changsha.appeals.open311;

import cn.changsha.appeals.edge.problem.Open311Errors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Open311 controllers as the standard's error list, in the format the path asks
 * for, before any of the API's problem-document handlers can answer.
 */
@RestControllerAdvice(basePackageClasses = ErrorAnswers.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ErrorAnswers {

  private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

  @ExceptionHandler(GeoReportException.class)
  ResponseEntity<String> refused(GeoReportException e, HttpServletRequest request) {
    return answer(request, e.status(), e.errors());
  }

  /**
   * Spring's own refusals keep their status, and so does the 503 of an instance holding part of
   * the data that did not answer; anything else is a bug of ours, logged here and answered
   * without detail.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse known && HttpStatus.resolve(known.getStatusCode().value()) != null) {
      HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
      String detail = known.getBody().getDetail();
      return answer(request, status, List.of(Open311Errors.Error.of(status, detail == null ? status.getReasonPhrase() : detail)));
    }
    log.error("Unexpected error answering an Open311 request", e);
    return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, List.of(Open311Errors.Error.of(HttpStatus.INTERNAL_SERVER_ERROR,
        "The request could not be completed; it has been logged")));
  }

  private static ResponseEntity<String> answer(HttpServletRequest request, HttpStatus status, List<Open311Errors.Error> errors) {
    boolean xml = Open311Errors.asksForXml(request);
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
        .header(HttpHeaders.CONTENT_TYPE, xml ? Open311Errors.XML_TYPE : Open311Errors.JSON_TYPE);
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      answer.header(HttpHeaders.RETRY_AFTER, "5"); // nothing was done: Kafka or a peer was out of reach for a moment
    }
    return answer.body(Open311Errors.render(xml, errors));
  }
}
