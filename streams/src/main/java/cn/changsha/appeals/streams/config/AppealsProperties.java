package cn.changsha.appeals.streams.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of one instance, under the {@code appeals.} prefix.
 *
 * @param dataDir where the in-process broker's log and the Streams state live; keep it out of /tmp
 * @param partitions partitions of the appeal topics: the most instances that can share the work
 * @param replicationFactor replicas of every topic, 1 on the in-process broker, 3 on a cluster
 * @param standbyReplicas warm copies of each state store on other instances, for reads during a failover
 * @param advertisedHost the host name other instances use to forward queries to this one
 * @param instanceId stable name of this instance (static group membership); derived from host and port if empty
 * @param lastResortDepartment the department that receives what no routing rule claims
 * @param commandTimeout how long an HTTP call waits for the topology to answer a command
 * @param commitInterval how often the topology commits its transaction, making its output visible
 * @param sessionTimeout how long an instance may go unheard before its partitions move to the
 *     others (a killed instance's appeals are unanswerable that long)
 * @param calendar working periods and where holiday schedules are read from
 * @param sla warning threshold of the response-time targets
 * @param hotspots window and threshold of hotspot detection
 * @param clock a simulated business clock for demonstrations; real time when no start is given
 * @param storeMemory off-heap memory all the instance's state stores share (RocksDB's block cache and
 *     memtables), on top of the heap; 128 MB by default: a block the cache misses is read from the
 *     kernel's page cache, which is not the process's resident memory
 */
@ConfigurationProperties("appeals")
public record AppealsProperties(
    @DefaultValue("data") Path dataDir,
    @DefaultValue("6") int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("0") int standbyReplicas,
    @DefaultValue("localhost") String advertisedHost,
    String instanceId,
    @DefaultValue("CS-OPT") String lastResortDepartment,
    @DefaultValue("10s") Duration commandTimeout,
    @DefaultValue("30ms") Duration commitInterval,
    @DefaultValue("10s") Duration sessionTimeout,
    @DefaultValue Calendar calendar,
    @DefaultValue Sla sla,
    @DefaultValue Hotspots hotspots,
    @DefaultValue SimulatedTime clock,
    @DefaultValue("128MB") DataSize storeMemory) {

  /**
   * @param start the business instant the simulated clock starts at, e.g. 2026-11-22T09:00+08:00
   * @param speed how many times faster than real time it runs (120: an hour in thirty seconds)
   */
  public record SimulatedTime(OffsetDateTime start, @DefaultValue("1") double speed) {}

  /** @param window how far back appeals are counted; @param threshold how many make a hotspot */
  public record Hotspots(@DefaultValue("30d") Duration window, @DefaultValue("10") int threshold) {}

  /**
   * @param workingPeriods office hours of a working day, in Changsha time
   * @param scheduleDir a directory of {@code <year>.json} holiday schedules read at start-up, beside (and
   *     overriding) the ones shipped on the classpath; empty for none
   */
  public record Calendar(@DefaultValue("09:00-12:00,13:30-17:30") String workingPeriods, String scheduleDir) {}

  /** @param warningShare the share of a target after which the department head is warned */
  public record Sla(@DefaultValue("0.75") double warningShare) {}

  public String instanceIdOr(int port) {
    return instanceId == null || instanceId.isBlank() ? "appeals-" + advertisedHost + "-" + port : instanceId;
  }

  /**
   * Consumer settings that make this instance a static member of a consumer group: a restarted
   * instance takes its partitions back at once instead of waiting out the session of its previous
   * self, and a dead one is noticed after {@link #sessionTimeout} (Kafka's 45 s default meant 45 s
   * with nothing served after a crash).
   */
  public Map<String, Object> staticMembership(int port) {
    int session = (int) sessionTimeout.toMillis();
    return Map.of(
        ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceIdOr(port),
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, session,
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(1000, session / 4));
  }
}
