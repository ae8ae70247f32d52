package cn.changsha.appeals.query;

import cn.changsha.appeals.schema.HotspotWindow;
import cn.changsha.appeals.streams.StoreNames;
import cn.changsha.appeals.streams.hotspot.HotspotReceipts;
import cn.changsha.appeals.streams.hotspot.HotspotSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Categories piling up in a district over the sliding window: candidate themes for the monthly
 * 局长面对面 session. Each instance counts the pairs it holds; the answer merges them all.
 */
@RestController
public class HotspotController {

  private final KafkaStreamsInteractiveQueryService queries;
  private final Peers peers;
  private final HotspotSettings settings;
  private final Clock clock;

  public HotspotController(KafkaStreamsInteractiveQueryService queries, Peers peers, HotspotSettings settings, Clock clock) {
    this.queries = queries;
    this.peers = peers;
    this.settings = settings;
    this.clock = clock;
  }

  /** @param flagged count has reached the threshold within the window ending now */
  public record HotspotCount(String district, String category, int count, boolean flagged, int threshold, int windowDays) {}

  @GetMapping("/api/hotspots")
  public List<HotspotCount> hotspots() {
    List<HotspotCount> all = new ArrayList<>(peers.gather(StoreNames.HOTSPOT_WINDOWS, this::local, "/internal/hotspots",
        new ParameterizedTypeReference<List<HotspotCount>>() {}));
    all.sort(Comparator.comparingInt(HotspotCount::count).reversed()
        .thenComparing(HotspotCount::district).thenComparing(HotspotCount::category));
    return all;
  }

  @GetMapping("/internal/hotspots")
  public List<HotspotCount> local() {
    Instant now = clock.instant();
    ReadOnlyKeyValueStore<String, HotspotWindow> windows =
        queries.retrieveQueryableStore(StoreNames.HOTSPOT_WINDOWS, QueryableStoreTypes.keyValueStore());
    ReadOnlyKeyValueStore<String, byte[]> receipts =
        queries.retrieveQueryableStore(StoreNames.HOTSPOT_RECEIPTS, QueryableStoreTypes.keyValueStore());
    List<HotspotCount> counts = new ArrayList<>();
    try (KeyValueIterator<String, HotspotWindow> it = windows.all()) {
      it.forEachRemaining(kv -> {
        int count = HotspotReceipts.countAt(receipts, kv.key, kv.value, now, settings);
        if (count > 0) {
          String[] pair = kv.key.split("\\|", 2);
          counts.add(new HotspotCount(pair[0], pair[1], count, count >= settings.threshold(),
              settings.threshold(), (int) settings.window().toDays()));
        }
      });
    }
    return counts;
  }
}
