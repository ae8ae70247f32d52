package cn.changsha.appeals.intake.access;

import cn.changsha.appeals.edge.problem.BadRequestException;
import cn.changsha.appeals.edge.security.Role;
import cn.changsha.appeals.intake.reference.Visible;
import cn.changsha.appeals.schema.ApiKey;
import cn.changsha.appeals.streams.query.ReferenceQueries;
import cn.changsha.appeals.streams.view.Times;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** For admins: the API keys of kiosks, departments' systems and scripts; made, listed and revoked. */
@RestController
@RequestMapping("/api/admin/api-keys")
public class ApiKeyController {

  private final ApiKeyIssuer issuer;
  private final ReferenceQueries reference;
  private final Clock clock;

  public ApiKeyController(ApiKeyIssuer issuer, ReferenceQueries reference, Clock clock) {
    this.issuer = issuer;
    this.reference = reference;
    this.clock = clock;
  }

  /** @param name who holds the key, recorded as the actor of what it does, e.g. kiosk-yuelu-01 */
  public record KeyRequest(
      @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be 1-64 letters, digits or . _ : -") String name,
      @NotNull Role role, String departmentId, OffsetDateTime expiresAt) {}

  /** A key in force, without the key. */
  public record KeyView(String keyId, String name, String role, String departmentId, OffsetDateTime createdAt,
      OffsetDateTime expiresAt) {
    static KeyView of(String keyId, ApiKey key) {
      return new KeyView(keyId, key.getName(), key.getRole(), key.getDepartmentId(), Times.local(key.getCreatedAt()),
          key.getExpiresAt() == null ? null : Times.local(key.getExpiresAt()));
    }
  }

  /** The new key, shown this once. */
  public record NewKey(String key, KeyView holder) {}

  @PostMapping
  public ResponseEntity<NewKey> issue(@Valid @RequestBody KeyRequest request) {
    if (!request.role().isGrantable()) {
      throw new BadRequestException("role", "must be KIOSK, DEPARTMENT, MONITOR or ADMIN");
    }
    if (request.role() == Role.DEPARTMENT
        && (request.departmentId() == null || reference.department(request.departmentId()).isEmpty())) {
      throw new BadRequestException("departmentId", "must name an existing department for a DEPARTMENT key");
    }
    if (request.expiresAt() != null && !request.expiresAt().toInstant().isAfter(clock.instant())) {
      throw new BadRequestException("expiresAt", "must be in the future");
    }
    ApiKeyIssuer.Issued issued = issuer.issue(request.name(), request.role(), request.departmentId(),
        request.expiresAt() == null ? null : request.expiresAt().toInstant());
    Visible.await(() -> reference.apiKey(issued.keyId()).isPresent());
    return ResponseEntity.status(HttpStatus.CREATED).body(new NewKey(issued.key(), KeyView.of(issued.keyId(), issued.holder())));
  }

  @GetMapping
  public List<KeyView> keys() {
    return reference.apiKeys().entrySet().stream().map(e -> KeyView.of(e.getKey(), e.getValue())).toList();
  }

  @DeleteMapping("/{keyId}")
  public ResponseEntity<Void> revoke(@PathVariable String keyId) {
    if (!keyId.matches("[0-9a-f]{64}") || reference.apiKey(keyId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No API key " + keyId);
    }
    issuer.revoke(keyId);
    Visible.await(() -> reference.apiKey(keyId).isEmpty());
    return ResponseEntity.noContent().build();
  }
}
