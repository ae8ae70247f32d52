package cn.changsha.appeals.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for the deployment's OpenID Connect issuer: a real RSA key, its public half served
 * as a JWK set over real HTTP, and signed tokens. The tracker fetches and verifies as it would
 * against a real issuer.
 */
final class TestIssuer implements AutoCloseable {

  private final RSAKey key;
  private final HttpServer server;

  TestIssuer() {
    try {
      key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
      server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    } catch (JOSEException | IOException e) {
      throw new IllegalStateException(e);
    }
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server.createContext("/jwks", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      exchange.getResponseBody().write(jwks);
      exchange.close();
    });
    server.start();
  }

  /** What the tracker is started with to trust this issuer. */
  String setting() {
    return "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:" + server.getAddress().getPort() + "/jwks";
  }

  /** A token valid for {@code lifetime} from now (negative: already expired), with these claims. */
  String token(Map<String, Object> claims, Duration lifetime) {
    return sign(claims, lifetime, key);
  }

  /** A well-formed token signed by a key the tracker does not trust. */
  static String forged(Map<String, Object> claims) {
    try {
      return sign(claims, Duration.ofHours(1), new RSAKeyGenerator(2048).keyID("forger").generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(Map<String, Object> claims, Duration lifetime, RSAKey signer) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder body = new JWTClaimsSet.Builder().subject("subject-" + UUID.randomUUID())
        .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plus(lifetime)));
    claims.forEach(body::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), body.build());
    try {
      jwt.sign(new RSASSASigner(signer));
    } catch (JOSEException e) {
      throw new UncheckedIOException(new IOException(e));
    }
    return jwt.serialize();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
