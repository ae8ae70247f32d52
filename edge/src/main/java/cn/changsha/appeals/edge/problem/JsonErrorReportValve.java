package cn.changsha.appeals.edge.problem;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat answers some requests itself, before any filter runs (a URL with {@code %zz} or an
 * encoded slash, say). Its HTML page becomes a problem document like every other error. Public:
 * Tomcat creates it by class name.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
    try {
      Problems.write(response, Problems.of(status, status.getReasonPhrase(), "The request could not be understood"));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response is already committed; nothing more to say.
    }
  }
}
