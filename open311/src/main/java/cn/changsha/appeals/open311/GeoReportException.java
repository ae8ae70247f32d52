package cn.changsha.appeals.open311;

import cn.changsha.appeals.edge.problem.Open311Errors;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the standard's way refused: 404 for what does not exist, 400 for the rest, with every reason. */
final class GeoReportException extends RuntimeException {

  private final HttpStatus status;
  private final List<Open311Errors.Error> errors;

  GeoReportException(HttpStatus status, List<Open311Errors.Error> errors) {
    super(errors.isEmpty() ? status.getReasonPhrase() : errors.get(0).description());
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  static GeoReportException notFound(String description) {
    return new GeoReportException(HttpStatus.NOT_FOUND, List.of(Open311Errors.Error.of(HttpStatus.NOT_FOUND, description)));
  }

  static GeoReportException badRequest(String description) {
    return new GeoReportException(HttpStatus.BAD_REQUEST, List.of(Open311Errors.Error.of(HttpStatus.BAD_REQUEST, description)));
  }

  static GeoReportException badRequest(List<String> descriptions) {
    return new GeoReportException(HttpStatus.BAD_REQUEST,
        descriptions.stream().map(d -> Open311Errors.Error.of(HttpStatus.BAD_REQUEST, d)).toList());
  }

  HttpStatus status() {
    return status;
  }

  List<Open311Errors.Error> errors() {
    return errors;
  }

  /** A value a client sent, short enough to repeat in an error without repeating a whole form. */
  static String quoted(String value) {
    String shown = value.codePointCount(0, value.length()) <= 40 ? value
        : value.substring(0, value.offsetByCodePoints(0, 40)) + "…";
    return "\"" + shown + "\"";
  }
}
