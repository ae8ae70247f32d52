package cn.changsha.appeals.edge.security;

import cn.changsha.appeals.edge.problem.Problems;
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
import org.springframework.security.web.csrf.CsrfException;

/**
 * Refusals as problem documents: 401 with what to present, 403 for a caller who may not, and 503
 * when the credential could not be checked just now (the appeal holding a receipt is moving).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof AuthenticationServiceException) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "5");
      Problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Cannot sign in right now",
          "The credential could not be checked just now; retry in a few seconds"));
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"appeal-tracker\"");
    Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "Sign-in required",
        "Present an API key (X-API-Key), a bearer token, or an appeal's tracking number and receipt secret (HTTP Basic)"
            + (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(ApiKeyAuthentication.HEADER) != null
                ? ": the credential presented was not accepted (" + e.getMessage() + ")" : "")));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
    if (e instanceof CsrfException) {
      Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "Not allowed",
          "A change made from a signed-in screen must carry the page's CSRF token; reload the page"));
      return;
    }
    Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "Not allowed", "This caller may not do this"));
  }
}
