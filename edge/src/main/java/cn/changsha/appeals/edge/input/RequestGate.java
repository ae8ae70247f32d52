package cn.changsha.appeals.edge.input;

import cn.changsha.appeals.edge.problem.Open311Errors;
import cn.changsha.appeals.edge.problem.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any work is done, what no endpoint can take: a declared body over the size
 * limit (413), a body that is not declared JSON or a Content-Type that is a wildcard or unreadable
 * (415; Spring would throw on a wildcard), a change signed in with HTTP Basic that is not JSON (415), an Accept header that cannot be read (406; Spring
 * would answer with an empty body), and a direct request for the error page, which only the
 * container may render. The Open311 paths take forms and answer in their own standard's shape:
 * {@link Open311Gate} checks them.
 */
@Component
class RequestGate extends OncePerRequestFilter {

  private final EdgeProperties limits;

  RequestGate(EdgeProperties limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getDispatcherType() == DispatcherType.REQUEST && request.getRequestURI().startsWith("/error")) {
      Problems.write(response, Problems.of(HttpStatus.NOT_FOUND, "Not Found", "No such resource"));
      return;
    }
    if (Open311Errors.covers(request)) {
      chain.doFilter(request, response); // Open311Gate has seen it: forms, and the standard's errors
      return;
    }
    long declared = request.getContentLengthLong();
    if (declared > limits.maxBodySize().toBytes()) {
      Problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Body too large",
          "The body is larger than " + limits.maxBodySize().toBytes() + " bytes"));
      return;
    }
    String contentType = request.getContentType();
    if (isScreenForm(request)) {
      // The screens' sign-in and sign-out are plain HTML forms; everything else takes JSON.
      if (contentType != null && !MediaTypes.isUtf8Form(contentType)) {
        Problems.write(response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
            "Send the form as application/x-www-form-urlencoded"));
        return;
      }
    } else if ((hasBody(request, declared) || contentType != null || changesWithBasicSignIn(request)) && !isJson(contentType)) {
      Problems.write(response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
          "Send the body as application/json"));
      return;
    }
    if (!MediaTypes.readableAccept(request.getHeader(HttpHeaders.ACCEPT))) {
      Problems.write(response, Problems.of(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable",
          "The Accept header could not be read; this API answers application/json (and CSV or an .xlsx workbook for reports)"));
      return;
    }
    BodyWatch watched = new BodyWatch(response);
    chain.doFilter(request, watched);
    if (watched.getStatus() >= 400 && !watched.wroteBody() && !response.isCommitted() && !"HEAD".equals(request.getMethod())) {
      // Some answers come without a body (Actuator's 404 for an unknown metric, say): say what they mean.
      HttpStatus status = HttpStatus.resolve(watched.getStatus());
      Problems.write(response, Problems.of(status == null ? HttpStatus.BAD_REQUEST : status,
          status == null ? "Error" : status.getReasonPhrase(), "No further detail"));
    }
  }

  /** Notes whether anything asked to write the body. */
  private static final class BodyWatch extends HttpServletResponseWrapper {
    private boolean wroteBody;

    BodyWatch(HttpServletResponse response) {
      super(response);
    }

    boolean wroteBody() {
      return wroteBody;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      wroteBody = true;
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      wroteBody = true;
      return super.getWriter();
    }

    @Override
    public void sendError(int sc) throws IOException {
      wroteBody = true; // the container renders the error page
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      wroteBody = true;
      super.sendError(sc, msg);
    }
  }

  /**
   * Browsers resend HTTP Basic credentials by themselves, so a page elsewhere could make an
   * enterprise's browser post a bodyless form. Requiring JSON for such changes makes that a
   * cross-origin request the browser must ask permission for, and none is given.
   */
  private static boolean changesWithBasicSignIn(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
        && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && !"OPTIONS".equals(request.getMethod());
  }

  private static boolean isScreenForm(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/screens/");
  }

  private static boolean hasBody(HttpServletRequest request, long declared) {
    return declared > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType() && !type.isWildcardSubtype()
          && (MediaType.APPLICATION_JSON.includes(type) || type.getSubtype().endsWith("+json"))
          && "application".equals(type.getType());
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
