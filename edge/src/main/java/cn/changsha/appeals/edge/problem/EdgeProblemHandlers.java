package cn.changsha.appeals.edge.problem;

import cn.changsha.appeals.edge.input.InvalidBodyException;
import cn.changsha.appeals.edge.input.UnreadableBodyException;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * Bad requests, named: a body of the wrong shape lists every bad field; a field that fails
 * validation, a header or parameter of the wrong form, each says which and why.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class EdgeProblemHandlers {

  @ExceptionHandler(InvalidBodyException.class)
  ProblemDetail invalidShape(InvalidBodyException e) {
    return Problems.invalid(e.problems());
  }

  @ExceptionHandler(UnreadableBodyException.class)
  ProblemDetail unreadable(UnreadableBodyException e) {
    return Problems.of(e.status(), e.status() == HttpStatus.CONTENT_TOO_LARGE ? "Body too large" : "Malformed request body",
        e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidFields(MethodArgumentNotValidException e) {
    return Problems.invalid(e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage())).toList());
  }

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badValue(BadRequestException e) {
    return Problems.invalid(List.of(new FieldProblem(e.field(), e.getMessage())));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    String expected = type == int.class || type == Integer.class || type == long.class || type == Long.class
        ? "a whole number" : "a " + (type == null ? "different value" : type.getSimpleName());
    return Problems.invalid(List.of(new FieldProblem(e.getName(), "must be " + expected)));
  }

  /** A query string the container or the firewall could not take apart (a parameter named by a control character, say). */
  @ExceptionHandler({RequestRejectedException.class, InvalidParameterException.class})
  ProblemDetail unreadableQuery(RuntimeException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "Malformed request", "The query string or path could not be read");
  }

  /** Binding failed after the shape check (a value the shape allows but the type does not, such as a date). */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unbindable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
      return Problems.invalid(List.of(new FieldProblem(path(jackson), "has a value of the wrong form")));
    }
    return Problems.of(HttpStatus.BAD_REQUEST, "Malformed request body", "The body is not valid JSON for this endpoint");
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
