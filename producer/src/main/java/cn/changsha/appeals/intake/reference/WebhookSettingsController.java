package cn.changsha.appeals.intake.reference;

import cn.changsha.appeals.edge.problem.BadRequestException;
import cn.changsha.appeals.edge.security.CallbackAddresses;
import cn.changsha.appeals.edge.security.ClusterSecret;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.schema.Webhook;
import cn.changsha.appeals.streams.query.ReferenceQueries;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import cn.changsha.appeals.streams.config.SimulatedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A department's webhook: where its appeals' events are POSTed, and the secret they are signed
 * with. The URL is checked before it is kept ({@link CallbackAddresses}); the secret is sealed
 * with the cluster secret before it goes on the reference topic, and is never shown back.
 */
@RestController
@RequestMapping("/api/admin/departments/{departmentId}/webhook")
class WebhookSettingsController {

  record WebhookRequest(@NotBlank @Size(max = 500) String url, @NotBlank @Size(min = 16, max = 256) String secret) {}

  /** What an administrator sees of a webhook: the URL, and that a secret is set. */
  record WebhookView(String departmentId, String url, boolean secretSet) {}

  private final ReferenceDataPublisher publisher;
  private final ReferenceQueries reference;
  private final CallbackAddresses addresses;
  private final ClusterSecret clusterSecret;
  private final Clock clock;
  private final Duration settleTime;

  WebhookSettingsController(ReferenceDataPublisher publisher, ReferenceQueries reference, CallbackAddresses addresses,
      ClusterSecret clusterSecret, Clock clock, @Value("${appeals.webhooks.settle-time:30s}") Duration settleTime) {
    this.clock = clock;
    this.settleTime = settleTime;
    this.publisher = publisher;
    this.reference = reference;
    this.addresses = addresses;
    this.clusterSecret = clusterSecret;
  }

  @GetMapping
  WebhookView show(@PathVariable String departmentId) {
    Webhook webhook = department(departmentId).getWebhook();
    if (webhook == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Department " + departmentId + " has no webhook");
    }
    return new WebhookView(departmentId, webhook.getUrl(), true);
  }

  @PutMapping
  WebhookView set(@PathVariable String departmentId, @Valid @RequestBody WebhookRequest body) {
    Department department = department(departmentId);
    addresses.refusal(body.url()).ifPresent(reason -> {
      throw new BadRequestException("url", reason);
    });
    // A new URL or secret keeps the first webhook's start: events since then still arrive, in order.
    // A first webhook starts a little ahead, once every instance has heard of it: an instance that
    // had not yet would pass over an event that its successor would then wait for in vain.
    Instant since = department.getWebhook() == null ? clock.instant().plus(settleInBusinessTime()) : department.getWebhook().getSince();
    Webhook webhook = new Webhook(body.url(), clusterSecret.seal(body.secret()), since);
    publish(Department.newBuilder(department).setWebhook(webhook).build());
    return new WebhookView(departmentId, body.url(), true);
  }

  @DeleteMapping
  ResponseEntity<Void> remove(@PathVariable String departmentId) {
    publish(Department.newBuilder(department(departmentId)).setWebhook(null).build());
    return ResponseEntity.noContent().build();
  }

  private Duration settleInBusinessTime() {
    double speed = clock instanceof SimulatedClock simulated ? simulated.speed() : 1.0;
    return Duration.ofMillis((long) (settleTime.toMillis() * speed));
  }

  private Department department(String departmentId) {
    return reference.department(departmentId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No department " + departmentId));
  }

  private void publish(Department department) {
    publisher.publishDepartments(List.of(department));
    Visible.await(() -> reference.department(department.getDepartmentId())
        .filter(seen -> Objects.equals(seen.getWebhook(), department.getWebhook())).isPresent());
  }
}
