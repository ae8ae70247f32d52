package cn.changsha.appeals.query;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads that load every appeal of a queue (or every appeal, for a search) hold them all in the
 * heap at once. The benchmark sent 100 queue pages a second with 200,000 appeals stored, and
 * 256 such reads at once exhausted a 768 MB heap, taking the in-process broker down with it. At
 * most {@code appeals.query.whole-scans} run at once per instance; the next is refused with 503
 * and Retry-After, which clients already treat as "try again shortly".
 */
@Component
public class WholeScans {

  private final Semaphore permits;

  public WholeScans(@Value("${appeals.query.whole-scans:4}") int concurrent) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("appeals.query.whole-scans must be at least 1, got " + concurrent);
    }
    this.permits = new Semaphore(concurrent);
  }

  public <T> T run(Supplier<T> scan) {
    if (!permits.tryAcquire()) {
      throw new Busy();
    }
    try {
      return scan.get();
    } finally {
      permits.release();
    }
  }

  /** As many whole scans as allowed are running already: a 503 wherever it surfaces (Open311 too). */
  public static final class Busy extends ResponseStatusException {
    Busy() {
      super(HttpStatus.SERVICE_UNAVAILABLE, "Too many reads of whole queues at once; retry in a moment");
    }
  }
}
