package cn.changsha.appeals.kiosk;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How a client signs in to the appeal tracker: an API key, an enterprise's receipt, or a bearer token. */
@FunctionalInterface
public interface Credential {

  HttpRequest.Builder applyTo(HttpRequest.Builder request);

  /** A kiosk's, department's, monitor's or admin's key. */
  static Credential apiKey(String key) {
    return request -> request.header("X-API-Key", key);
  }

  /** An enterprise: the tracking number and the secret on its receipt. */
  static Credential receipt(String trackingNumber, String receiptSecret) {
    String pair = trackingNumber + ":" + receiptSecret;
    String basic = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    return request -> request.header("Authorization", "Basic " + basic);
  }

  /** A token from the deployment's OpenID Connect issuer. */
  static Credential bearer(String token) {
    return request -> request.header("Authorization", "Bearer " + token);
  }

  static Credential none() {
    return request -> request;
  }
}
