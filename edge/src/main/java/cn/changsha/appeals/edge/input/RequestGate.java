package cn.changsha.appeals.edge.input;

import cn.changsha.appeals.edge.problem.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any work is done, what no endpoint can take: a declared body over the size
 * limit (413), a body whose Content-Type is a wildcard or not JSON (415; Spring would throw on a
 * wildcard), and a direct request for the error page, which only the container may render.
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
    long declared = request.getContentLengthLong();
    if (declared > limits.maxBodySize().toBytes()) {
      Problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Body too large",
          "The body is larger than " + limits.maxBodySize().toBytes() + " bytes"));
      return;
    }
    if (hasBody(request, declared) && !isJson(request.getContentType())) {
      Problems.write(response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
          "Send the body as application/json"));
      return;
    }
    chain.doFilter(request, response);
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
