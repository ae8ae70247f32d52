package cn.changsha.appeals.query;

import cn.changsha.appeals.streams.stats.FigureKeys;
import cn.changsha.appeals.streams.stats.Figures;
import cn.changsha.appeals.streams.query.ReferenceQueries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * {@code appeals_queue_depth{department}}: the open appeals each department holds, of those this
 * instance's tasks keep (sum over the instances), read from the kept figures every 15 seconds
 * rather than at each scrape, so a scrape never waits on the stores.
 */
@Component
class QueueDepths {

  private final LocalStores local;
  private final ReferenceQueries reference;
  private final MultiGauge depths;
  private final ScheduledExecutorService counting = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "queue-depths");
    t.setDaemon(true);
    return t;
  });

  QueueDepths(LocalStores local, ReferenceQueries reference, MeterRegistry meters) {
    this.local = local;
    this.reference = reference;
    this.depths = MultiGauge.builder("appeals.queue.depth").description("Open appeals a department holds").register(meters);
    counting.scheduleWithFixedDelay(this::count, 5, 15, TimeUnit.SECONDS);
  }

  private void count() {
    try {
      Map<String, Map<String, Long>> held = local.figures(Figures.View.departments()).groups(FigureKeys.DEPARTMENTS + "|");
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      reference.departments().forEach(department -> rows.add(MultiGauge.Row.of(Tags.of("department", department.getDepartmentId()),
          held.getOrDefault(department.getDepartmentId(), Map.of()).getOrDefault(FigureKeys.OPEN, 0L))));
      depths.register(rows, true);
    } catch (RuntimeException e) {
      // Streams not running yet, or rebalancing: the last figures stand until the next count.
    }
  }

  @PreDestroy
  void stop() {
    counting.shutdownNow();
  }
}
