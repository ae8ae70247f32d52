package cn.changsha.appeals.intake.access;

import cn.changsha.appeals.edge.security.Role;
import cn.changsha.appeals.edge.security.Secrets;
import cn.changsha.appeals.schema.ApiKey;
import cn.changsha.appeals.topics.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes and revokes API keys. A key is 32 random bytes; what goes to {@code sec-api-keys} is its
 * SHA-256 and who holds it. The key itself is handed back once and kept nowhere.
 */
@Component
public class ApiKeyIssuer {

  /** A new key, as its holder receives it. */
  public record Issued(String keyId, String key, ApiKey holder) {}

  private final KafkaTemplate<String, SpecificRecord> kafka;
  private final Clock clock;

  public ApiKeyIssuer(KafkaTemplate<String, SpecificRecord> avroKafkaTemplate, Clock clock) {
    this.kafka = avroKafkaTemplate;
    this.clock = clock;
  }

  public Issued issue(String name, Role role, String departmentId, Instant expiresAt) {
    if (!role.isGrantable()) {
      throw new IllegalArgumentException("No API key carries the role " + role);
    }
    String key = "ak_" + Secrets.random(32);
    String keyId = Secrets.sha256Hex(key);
    ApiKey holder = new ApiKey(name, role.name(), role == Role.DEPARTMENT ? departmentId : null, clock.instant(), expiresAt);
    await(kafka.send(Topics.API_KEYS.name(), keyId, holder));
    return new Issued(keyId, key, holder);
  }

  public void revoke(String keyId) {
    await(kafka.send(Topics.API_KEYS.name(), keyId, null));
  }

  private static void await(CompletableFuture<?> send) {
    try {
      send.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while recording an API key", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not take the API key: " + e.getMessage(), e);
    }
  }
}
