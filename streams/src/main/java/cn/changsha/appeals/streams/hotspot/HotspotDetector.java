package cn.changsha.appeals.streams.hotspot;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.Hotspot;
import cn.changsha.appeals.schema.HotspotWindow;
import cn.changsha.appeals.streams.StoreNames;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts submissions per district|category over a sliding window and says when a pair crosses the
 * threshold. It says so once: again only after the count has dropped below and risen again.
 */
public final class HotspotDetector implements Processor<String, AppealEvent, String, Hotspot> {

  private final HotspotSettings settings;
  private ProcessorContext<String, Hotspot> context;
  private KeyValueStore<String, HotspotWindow> windows;
  private KeyValueStore<String, byte[]> receipts;

  public HotspotDetector(HotspotSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, Hotspot> context) {
    this.context = context;
    this.windows = context.getStateStore(StoreNames.HOTSPOT_WINDOWS);
    this.receipts = context.getStateStore(StoreNames.HOTSPOT_RECEIPTS);
  }

  @Override
  public void process(Record<String, AppealEvent> record) {
    String pair = record.key();
    long at = record.value().getAt().toEpochMilli();
    HotspotWindow window = windowOf(pair);
    receipts.put(HotspotReceipts.key(pair, at, record.value().getAppealId()), HotspotReceipts.NOTHING);
    int count = window.getCount() + 1;
    long oldest = window.getOldestAt() == null ? at : Math.min(window.getOldestAt(), at);

    long from = at - settings.window().toMillis();
    if (oldest <= from) {
      List<String> leaving = new ArrayList<>();
      try (KeyValueIterator<String, byte[]> it = receipts.range(HotspotReceipts.at(pair, oldest), HotspotReceipts.afterAll(pair))) {
        while (it.hasNext()) {
          String key = it.next().key;
          long receivedAt = HotspotReceipts.receivedAt(pair, key);
          if (receivedAt > from) {
            oldest = receivedAt;
            break;
          }
          leaving.add(key);
        }
      }
      leaving.forEach(receipts::delete);
      count -= leaving.size();
    }

    boolean hot = count >= settings.threshold();
    windows.put(pair, HotspotWindow.newBuilder().setFlagged(hot).setCount(count).setOldestAt(oldest).build());
    if (hot && !window.getFlagged()) {
      String[] districtAndCategory = pair.split("\\|", 2);
      context.forward(record.withValue(new Hotspot(districtAndCategory[0], districtAndCategory[1], count,
          settings.threshold(), (int) settings.window().toDays(), record.value().getAt())));
    }
  }

  /**
   * The pair's window; one written before receipts were kept has its receive times moved into
   * them first (they carry no appeal id, so their entries are told apart by position).
   */
  private HotspotWindow windowOf(String pair) {
    HotspotWindow window = windows.get(pair);
    if (window == null) {
      return HotspotWindow.newBuilder().build();
    }
    List<Long> earlier = window.getReceivedAt();
    if (earlier.isEmpty()) {
      return window;
    }
    for (int i = 0; i < earlier.size(); i++) {
      receipts.put(HotspotReceipts.key(pair, earlier.get(i), "earlier-" + i), HotspotReceipts.NOTHING);
    }
    return HotspotWindow.newBuilder().setFlagged(window.getFlagged()).setCount(earlier.size())
        .setOldestAt(earlier.stream().mapToLong(Long::longValue).min().getAsLong()).build();
  }
}
