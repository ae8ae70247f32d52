package cn.changsha.appeals.intake.reference;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Waits until a change published to a compacted topic shows in this instance's global table, so
 * the caller's next request already sees it. Other instances follow within moments.
 */
public final class Visible {

  private static final Duration WITHIN = Duration.ofSeconds(10);

  private Visible() {}

  public static void await(BooleanSupplier visible) {
    Instant deadline = Instant.now().plus(WITHIN);
    while (!visible.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new ResponseStatusException(HttpStatus.ACCEPTED, "Published; not yet visible on this instance");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
