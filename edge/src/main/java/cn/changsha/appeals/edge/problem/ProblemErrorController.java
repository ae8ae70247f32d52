package cn.changsha.appeals.edge.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page for whatever failed outside a controller (a filter, a rejected URL, security):
 * always a problem document, whatever the client accepts; never the message of an exception.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c) : HttpStatus.NOT_FOUND;
    ProblemDetail problem = Problems.of(status, status.getReasonPhrase(), describe(status));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static String describe(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "The request could not be understood";
      case UNAUTHORIZED -> "Sign in first";
      case FORBIDDEN -> "Not allowed for this caller";
      case NOT_FOUND -> "No such resource";
      default -> status.is5xxServerError() ? "The request could not be completed; it has been logged" : status.getReasonPhrase();
    };
  }
}
