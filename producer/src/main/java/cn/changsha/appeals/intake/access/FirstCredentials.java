package cn.changsha.appeals.intake.access;

import cn.changsha.appeals.edge.security.OwnerOnlyFiles;
import cn.changsha.appeals.edge.security.Role;
import cn.changsha.appeals.schema.Department;
import cn.changsha.appeals.streams.config.AppealsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On the very first start (no API key exists) makes one key per role, and one per department, and
 * writes them to {@code <data-dir>/credentials.txt}, readable by this user only. The log says
 * where, once; it never shows a key. There is no default password anywhere.
 */
@Component
public class FirstCredentials {

  private static final Logger log = LoggerFactory.getLogger(FirstCredentials.class);

  private final ApiKeyIssuer issuer;
  private final Path file;

  public FirstCredentials(ApiKeyIssuer issuer, AppealsProperties appeals) {
    this.issuer = issuer;
    this.file = appeals.dataDir().resolve("credentials.txt");
  }

  public void issue(List<Department> departments) {
    StringBuilder text = new StringBuilder("""
        # API keys made on the first start of this appeal tracker. Send one as the X-API-Key header.
        # Keep this file private; revoke a key with DELETE /api/admin/api-keys/{keyId} (as admin).
        # role\tname\tdepartment\tkey
        """);
    line(text, issuer.issue("admin", Role.ADMIN, null, null));
    line(text, issuer.issue("monitor", Role.MONITOR, null, null));
    line(text, issuer.issue("kiosk-01", Role.KIOSK, null, null));
    for (Department department : departments) {
      line(text, issuer.issue(department.getDepartmentId(), Role.DEPARTMENT, department.getDepartmentId(), null));
    }
    // A data directory whose Kafka log was wiped keeps its old file: write beside it, never over it.
    Path target = Files.exists(file) ? file.resolveSibling("credentials-" + System.currentTimeMillis() + ".txt") : file;
    try {
      OwnerOnlyFiles.write(target, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the first credentials to " + target.toAbsolutePath(), e);
    }
    log.info("First start: API keys for admin, monitor, a kiosk and each of {} departments are in {} (readable by this user only)",
        departments.size(), target.toAbsolutePath());
  }

  private static void line(StringBuilder text, ApiKeyIssuer.Issued issued) {
    text.append(issued.holder().getRole()).append('\t').append(issued.holder().getName()).append('\t')
        .append(issued.holder().getDepartmentId() == null ? "-" : issued.holder().getDepartmentId()).append('\t')
        .append(issued.key()).append('\n');
  }
}
