package cn.changsha.appeals.edge.security;

import cn.changsha.appeals.edge.problem.Open311Errors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Refusals on the Open311 paths: the standard answers a missing or wrong key with 403 and its
 * error list, where the rest of the API says 401 or 403 with a problem document. The presented
 * key is never repeated back.
 */
final class Open311Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final String NOT_TAKEN = "No such Open311 request is taken here";

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof AuthenticationServiceException) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "5");
      Open311Errors.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
          "The api_key could not be checked just now; retry in a few seconds");
      return;
    }
    boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || request.getHeader(ApiKeyAuthentication.HEADER) != null
        || ("POST".equals(request.getMethod()) && request.getParameter(Open311ApiKeys.FIELD) != null);
    Open311Errors.write(request, response, HttpStatus.FORBIDDEN, presented
        ? "Invalid api_key received (" + e.getMessage() + "); cannot proceed"
        : postsARequest(request) ? "No api_key received: posting a request needs the api_key of an intake channel"
        : NOT_TAKEN);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
    Open311Errors.write(request, response, HttpStatus.FORBIDDEN, postsARequest(request)
        ? "This api_key may not post requests: that takes the key of an intake channel (role KIOSK)" : NOT_TAKEN);
  }

  private static boolean postsARequest(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && request.getRequestURI().startsWith(AccessRules.OPEN311_REQUESTS);
  }
}
