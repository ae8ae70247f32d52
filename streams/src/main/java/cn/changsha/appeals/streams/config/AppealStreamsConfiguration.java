package cn.changsha.appeals.streams.config;

import cn.changsha.appeals.streams.AppealTopology;
import cn.changsha.appeals.streams.deadletter.DeadLetterProcessingHandler;
import cn.changsha.appeals.streams.deadletter.DeadLetters;
import cn.changsha.appeals.streams.hotspot.HotspotSettings;
import cn.changsha.appeals.streams.routing.ReferenceChanges;
import cn.changsha.appeals.streams.sla.SlaPlanner;
import cn.changsha.appeals.topics.Topic;
import cn.changsha.appeals.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Runs the appeal topology inside Spring: its topics, its Streams settings, its clock. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(AppealsProperties.class)
public class AppealStreamsConfiguration {

  public static final String APPLICATION_ID = "appeal-tracker";
  private static final int CHANGELOG_SEGMENT_BYTES = 16 * 1024 * 1024;
  private static final long CHANGELOG_SEGMENT_MS = 60_000;
  private static final long CHANGELOG_MAX_COMPACTION_LAG_MS = 10 * 60_000;
  private static final int RESTORE_POLL_RECORDS = 10_000;
  private static final int GLOBAL_FETCH_WAIT_MS = 50;

  @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
  KafkaStreamsConfiguration appealStreamsConfig(
      KafkaProperties kafka, AppealsProperties appeals, DeadLetters deadLetters, @Value("${server.port:8080}") int port) {
    Map<String, Object> props = new HashMap<>(processingSettings(appeals));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
    props.put(StreamsConfig.STATE_DIR_CONFIG, appeals.dataDir().resolve("streams").toAbsolutePath().toString());
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, appeals.advertisedHost() + ":" + port);
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, appeals.standbyReplicas());
    // Static members: a restarted instance takes its tasks back at once; a killed one's appeals
    // are unanswerable (503) until its session times out.
    appeals.staticMembership(port).forEach((name, value) -> props.put(StreamsConfig.mainConsumerPrefix(name), value));
    // No record stops the topology: unreadable ones and ones a processor throws on go to the dead letters.
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RecoveringDeserializationExceptionHandler.class);
    props.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, deadLetters);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    props.put(DeadLetterProcessingHandler.DEAD_LETTERS_CONFIG, deadLetters);
    // A store lost with its disk, or new to this instance, is read back from its changelog; larger
    // polls than Streams' 1,000 records mean fewer round trips.
    props.put(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), RESTORE_POLL_RECORDS);
    // The reference data is loaded store by store at start-up, and each load ended in a fetch the
    // broker held for its full wait (500 ms) at the end of the topic.
    props.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), GLOBAL_FETCH_WAIT_MS);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, SharedStoreMemory.class);
    props.put(SharedStoreMemory.MEMORY_CONFIG, appeals.storeMemory().toBytes());
    return new KafkaStreamsConfiguration(props);
  }

  /**
   * The settings that decide how fast, and how safely, records go through the topology: exactly
   * once, the commit interval, committed reads, replication. Public so that a benchmark can run
   * another topology on the same terms and compare.
   */
  public static Map<String, Object> processingSettings(AppealsProperties appeals) {
    Map<String, Object> props = new HashMap<>();
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // A store's writes reach RocksDB only when their transaction commits (KIP-892), so a store an
    // unclean stop left behind holds committed state alone and is kept: without it, exactly-once
    // rebuilt every store from its changelog after each crash.
    props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) appeals.replicationFactor());
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
    // Under exactly-once, answers become visible only when a transaction commits: the commit
    // interval is most of the latency a kiosk waits for its receipt.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) appeals.commitInterval().toMillis());
    // The department and webhook topics carry whole appeals as JSON and the changelogs whole
    // states: compressed batches (lz4, cheap on CPU) took the broker's log to a quarter (PERFORMANCE.md).
    props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    // A changelog is compacted only once its segment is closed, and a restore reads every record
    // not yet compacted away. Compressed, the changelogs grow slowly and seldom fill a segment
    // (even of 16 MiB, the broker's own size here): the figures' changelogs, a few thousand keys
    // rewritten at every commit, were restored record for record. So a segment also closes after
    // a minute of appends, and the lag bound has the cleaner compact, and so merge, those small
    // segments within ten minutes even where less than half the log is dirty. (The repartition
    // topic gets these too: there a minute's segment only lets Streams' purge free space sooner.)
    props.put(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_BYTES_CONFIG), String.valueOf(CHANGELOG_SEGMENT_BYTES));
    props.put(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_MS_CONFIG), String.valueOf(CHANGELOG_SEGMENT_MS));
    props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG), String.valueOf(CHANGELOG_MAX_COMPACTION_LAG_MS));
    return props;
  }

  @Bean
  RestoreProgress restoreProgress() {
    return new RestoreProgress(Clock.systemUTC()); // real time, even when the business clock is simulated
  }

  @Bean
  StreamsBuilderFactoryBeanConfigurer reportRestoreProgress(RestoreProgress progress) {
    return factory -> factory.setStateRestoreListener(progress);
  }

  @Bean
  KafkaStreamsInteractiveQueryService interactiveQueries(StreamsBuilderFactoryBean streams) {
    return new KafkaStreamsInteractiveQueryService(streams);
  }

  @Bean
  HotspotSettings hotspotSettings(AppealsProperties appeals) {
    return new HotspotSettings(appeals.hotspots().window(), appeals.hotspots().threshold());
  }

  @Bean
  ReferenceChanges referenceChanges() {
    return new ReferenceChanges();
  }

  @Bean
  AppealTopology appealTopology(StreamsBuilder builder, Clock clock, AppealsProperties appeals, SlaPlanner planner,
      HotspotSettings hotspots, ObjectProvider<MeterRegistry> meters, ReferenceChanges referenceChanges) {
    AppealTopology topology = new AppealTopology(clock, appeals.lastResortDepartment(), planner, hotspots,
        meters.getIfAvailable(SimpleMeterRegistry::new), referenceChanges);
    topology.buildInto(builder);
    return topology;
  }

  @Bean
  KafkaAdmin.NewTopics appealTopics(AppealsProperties appeals) {
    return new KafkaAdmin.NewTopics(Topics.all().stream().map(topic -> newTopic(topic, appeals)).toArray(NewTopic[]::new));
  }

  private static NewTopic newTopic(Topic<?, ?> topic, AppealsProperties appeals) {
    TopicBuilder builder = TopicBuilder.name(topic.name()).replicas(appeals.replicationFactor());
    if (topic.compacted()) {
      return builder.partitions(1).compact().build();
    }
    builder.partitions(appeals.partitions());
    if (topic == Topics.APPEAL_EVENTS || topic == Topics.DEAD_LETTERS || topic == Topics.WEBHOOK_DEAD_LETTERS) {
      // The event log is the truth every view is rebuilt from, and a dead letter waits for a
      // person to look at it: none is ever deleted.
      builder.config(TopicConfig.RETENTION_MS_CONFIG, "-1");
    }
    return builder.build();
  }
}
