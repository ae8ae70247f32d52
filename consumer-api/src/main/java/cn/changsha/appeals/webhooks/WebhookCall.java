package cn.changsha.appeals.webhooks;

import cn.changsha.appeals.edge.security.CallbackAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * One POST of one event to a department's webhook, signed: {@code X-Appeals-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "t.body" under the department's secret>}, so the receiver can
 * check who sent it and refuse an old one replayed; {@code X-Appeals-Event-Id} lets it drop a
 * repeat. Only a 2xx answer counts as delivered. Redirects are not followed.
 */
@Component
class WebhookCall {

  static final String SIGNATURE = "X-Appeals-Signature";
  static final String EVENT_ID = "X-Appeals-Event-Id";

  private final HttpClient http;
  private final CallbackAddresses addresses;
  private final WebhookSettings settings;
  private final Clock realTime = Clock.systemUTC(); // signatures carry real time, whatever the business clock says

  WebhookCall(CallbackAddresses addresses, WebhookSettings settings) {
    this.addresses = addresses;
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Throws {@link Refused} for an answer that is not 2xx, IOException when the receiver cannot be reached. */
  void post(String url, String secret, String eventId, String departmentId, String body) throws IOException, InterruptedException {
    URI uri = URI.create(url);
    addresses.resolveForCall(uri);
    long timestamp = realTime.instant().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "appeal-tracker-webhooks/1")
        .header(EVENT_ID, eventId)
        .header("X-Appeals-Department", departmentId)
        .header(SIGNATURE, "t=" + timestamp + ",v1=" + sign(secret, timestamp + "." + body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    // The status is all that counts; the body is not read, so a receiver trickling one cannot hold the call.
    HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    answer.body().close();
    if (answer.statusCode() / 100 != 2) {
      throw new Refused("The receiver answered " + answer.statusCode());
    }
  }

  static String sign(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  /** The receiver was reached and said no (or something went wrong there). */
  static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }
}
