package cn.changsha.appeals.intake;

import cn.changsha.appeals.intake.gateway.CommandGateway.CommandNotRecordedException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors as RFC 9457 problem details. Validation failures name every bad field at once, so a
 * kiosk can mark them all; refusals from the topology carry its reason.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

  public record FieldProblem(String field, String message) {}

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", fields.size() + " field(s) are not valid", Map.of("errors", fields));
  }

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badValue(BadRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.field() + " " + e.getMessage(),
        Map.of("errors", List.of(new FieldProblem(e.field(), e.getMessage()))));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "Malformed request body", "The body is not valid JSON for this endpoint", Map.of());
  }

  @ExceptionHandler(CommandRefusedException.class)
  ProblemDetail refused(CommandRefusedException e) {
    return problem(e.status(), "Command refused", e.result().getReason(),
        Map.of("outcome", e.result().getOutcome().name(), "appealId", e.result().getAppealId()));
  }

  @ExceptionHandler(CommandNotRecordedException.class)
  ProblemDetail notRecorded(CommandNotRecordedException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Not recorded", "Kafka is not reachable; nothing was recorded, retry later", Map.of());
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    properties.forEach(problem::setProperty);
    return problem;
  }
}
