package cn.changsha.appeals.streams.hotspot;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.Hotspot;
import cn.changsha.appeals.schema.HotspotWindow;
import cn.changsha.appeals.streams.StoreNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts submissions per district|category over a sliding window and says when a pair crosses the
 * threshold. It says so once: again only after the count has dropped below and risen again.
 */
public final class HotspotDetector implements Processor<String, AppealEvent, String, Hotspot> {

  private final HotspotSettings settings;
  private ProcessorContext<String, Hotspot> context;
  private KeyValueStore<String, HotspotWindow> windows;

  public HotspotDetector(HotspotSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, Hotspot> context) {
    this.context = context;
    this.windows = context.getStateStore(StoreNames.HOTSPOT_WINDOWS);
  }

  @Override
  public void process(Record<String, AppealEvent> record) {
    Instant at = record.value().getAt();
    HotspotWindow window = windows.get(record.key());
    List<Long> received = new ArrayList<>(window == null ? List.of() : window.getReceivedAt());
    received.add(at.toEpochMilli());
    received.sort(null);
    long from = at.minus(settings.window()).toEpochMilli();
    received.removeIf(t -> t <= from);
    boolean wasFlagged = window != null && window.getFlagged();
    boolean hot = received.size() >= settings.threshold();
    windows.put(record.key(), new HotspotWindow(received, hot));
    if (hot && !wasFlagged) {
      String[] pair = record.key().split("\\|", 2);
      context.forward(record.withValue(new Hotspot(pair[0], pair[1], received.size(), settings.threshold(),
          (int) settings.window().toDays(), at)));
    }
  }

  /** Appeals of a pair received within the window that ends at {@code now}. */
  public static int countAt(HotspotWindow window, Instant now, HotspotSettings settings) {
    long from = now.minus(settings.window()).toEpochMilli();
    return (int) window.getReceivedAt().stream().filter(t -> t > from && t <= now.toEpochMilli()).count();
  }
}
