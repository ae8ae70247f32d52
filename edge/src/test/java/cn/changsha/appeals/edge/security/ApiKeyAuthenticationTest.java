package cn.changsha.appeals.edge.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.AuthenticationFilter;

/** A key that cannot be checked just now is a refusal to retry, not a server error. */
class ApiKeyAuthenticationTest {

  @Test
  void aKeyDirectoryThatCannotBeReadAnswers503WithRetryAfter() throws Exception {
    MockHttpServletResponse response = present(authentication -> {
      throw new AuthenticationServiceException("The key directory cannot be read right now");
    });

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentAsString()).contains("Cannot sign in right now").doesNotContain("ak_secret");
  }

  @Test
  void anUnknownKeyAnswers401() throws Exception {
    MockHttpServletResponse response = present(authentication -> {
      throw new BadCredentialsException("Unknown or revoked API key");
    });

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getContentAsString()).contains("Unknown or revoked API key").doesNotContain("ak_secret");
  }

  private static MockHttpServletResponse present(AuthenticationManager manager) throws Exception {
    AuthenticationFilter filter = ApiKeyAuthentication.filter(manager, ApiKeyAuthentication.converter(), new ProblemResponses());
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/appeals/AP-1");
    request.addHeader(ApiKeyAuthentication.HEADER, "ak_secret");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    assertThat(chain.getRequest()).as("the request goes no further").isNull();
    return response;
  }
}
