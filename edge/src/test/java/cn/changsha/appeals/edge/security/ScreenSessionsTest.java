package cn.changsha.appeals.edge.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** When a change must carry the page's CSRF token: whenever the session is what signs it in. */
class ScreenSessionsTest {

  @Test
  void aChangeMadeWithTheSessionNeedsTheToken() {
    assertThat(needs(true, post(true))).isTrue();
    assertThat(needs(true, with(post(true), "X-API-Key", "  "))).as("a blank key is no credential").isTrue();
    assertThat(needs(false, with(post(true), "Authorization", "Bearer abc"))).as("bearer tokens not accepted here").isTrue();
  }

  @Test
  void aChangeWithItsOwnCheckedCredentialOrNoSessionDoesNot() {
    assertThat(needs(true, post(false))).as("no session, nothing ambient to forge").isFalse();
    assertThat(needs(true, with(post(true), "X-API-Key", "ak_key"))).isFalse();
    assertThat(needs(true, with(post(true), "Authorization", "Bearer abc"))).isFalse();
    assertThat(needs(false, with(post(true), "Authorization", "Basic Q1M6c2VjcmV0"))).isFalse();
    assertThat(needs(false, with(post(true), "X-Appeals-Peer", "token"))).isFalse();
    MockHttpServletRequest read = post(true);
    read.setMethod("GET");
    assertThat(needs(true, read)).as("reads change nothing").isFalse();
  }

  private static boolean needs(boolean bearerTokens, MockHttpServletRequest request) {
    return ScreenSessions.needsCsrfToken(bearerTokens).matches(request);
  }

  private static MockHttpServletRequest post(boolean session) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/appeals/a/acknowledge");
    if (session) {
      request.setRequestedSessionId("abc");
    }
    return request;
  }

  private static MockHttpServletRequest with(MockHttpServletRequest request, String header, String value) {
    request.addHeader(header, value);
    return request;
  }
}
