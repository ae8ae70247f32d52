package cn.changsha.appeals.benchmark;

import cn.changsha.appeals.kiosk.AppealSimulator;
import cn.changsha.appeals.streams.config.AppealStreamsConfiguration;
import cn.changsha.appeals.streams.config.AppealsProperties;
import cn.changsha.appeals.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Scenario 1: how fast Kafka Streams can move records at all on this machine and this broker, with
 * the product's own processing settings (exactly-once, commit interval, partitions) and records
 * the size of a real SUBMIT command, doing nothing with them. The product's topology is compared
 * with this.
 */
final class Baseline {

  private final Settings settings;
  private final Kafka kafka;
  private final AppealsProperties appeals;
  private final Path stateDir;

  Baseline(Settings settings, Kafka kafka, AppealsProperties appeals, Path stateDir) {
    this.settings = settings;
    this.kafka = kafka;
    this.appeals = appeals;
    this.stateDir = stateDir;
  }

  /** Records per second copied, for scenario 2 to compare with; the section goes into the report. */
  record Measured(Section section, double recordsPerSecond) {}

  Measured run() throws Exception {
    Section section = new Section(Scenario.BASELINE);
    int records = settings.baselineRecords();
    String input = "bench-baseline-in-" + settings.runId();
    String output = "bench-baseline-out-" + settings.runId();
    try (Admin admin = kafka.admin()) {
      admin.createTopics(List.of(new NewTopic(input, appeals.partitions(), appeals.replicationFactor()),
          new NewTopic(output, appeals.partitions(), appeals.replicationFactor()))).all().get(60, TimeUnit.SECONDS);
    }

    System.out.printf("  pre-filling %s with %,d SUBMIT commands%n", input, records);
    long bytes = prefill(input, records);
    double recordSize = (double) bytes / records;

    AtomicLong copied = new AtomicLong();
    Map<TopicPartition, Long> fromStart = new HashMap<>();
    kafka.endOffsets(output).keySet().forEach(p -> fromStart.put(p, 0L));
    Map<String, Object> props = new HashMap<>(AppealStreamsConfiguration.processingSettings(appeals));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-baseline-" + settings.runId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray())).to(output, Produced.with(Serdes.String(), Serdes.ByteArray()));

    CountDownLatch running = new CountDownLatch(1);
    long started;
    long runningAt;
    long finished;
    try (Kafka.Tail counter = kafka.tail(fromStart, new ByteArrayDeserializer(), record -> copied.incrementAndGet());
         KafkaStreams streams = new KafkaStreams(builder.build(), new StreamsConfig(props))) {
      streams.setStateListener((now, before) -> {
        if (now == KafkaStreams.State.RUNNING) {
          running.countDown();
        }
      });
      started = System.nanoTime();
      streams.start();
      if (!running.await(5, TimeUnit.MINUTES)) {
        return new Measured(section.failed("the pass-through topology did not reach RUNNING within 5 minutes"), 0);
      }
      runningAt = System.nanoTime();
      Progress progress = new Progress("baseline", () -> String.format(Locale.ROOT, "copied %,d of %,d", copied.get(), records));
      try (progress) {
        while (copied.get() < records) {
          if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
            return new Measured(section.failed("the pass-through topology stopped: " + streams.state()), 0);
          }
          if (counter.failure() != null) {
            throw counter.failure();
          }
          Threads.sleep(Duration.ofMillis(20));
        }
      }
      finished = System.nanoTime();
      streams.close(Duration.ofSeconds(30));
    }
    try (Admin admin = kafka.admin()) {
      // A million copies of a command are of no further use, and the disk is shared with the product's data.
      admin.deleteTopics(List.of(input, output)).all().get(60, TimeUnit.SECONDS);
    }

    double seconds = (finished - runningAt) / 1e9;
    double rate = records / seconds;
    section.row("pass-through, exactly-once, " + appeals.partitions() + " partitions",
        String.format(Locale.ROOT, "%,.0f records/s", rate));
    section.line(String.format(Locale.ROOT,
        "%,d SUBMIT commands (Avro single-object encoding, %,.0f bytes each on average) were written to a topic of %d "
            + "partitions first; a Kafka Streams topology in the benchmark's JVM then copied them unchanged to another "
            + "topic, with the product's processing settings (`AppealStreamsConfiguration.processingSettings`: %s, "
            + "commit interval %d ms, read_committed). Counted with a read_committed consumer on the output topic.",
        records, recordSize, appeals.partitions(), StreamsConfig.EXACTLY_ONCE_V2, appeals.commitInterval().toMillis()));
    section.line("");
    section.line(String.format(Locale.ROOT, "- copied in %s from RUNNING (%s from start-up, which took %s): **%,.0f records/s**",
        Durations.seconds(seconds), Durations.seconds((finished - started) / 1e9), Durations.seconds((runningAt - started) / 1e9), rate));
    return new Measured(section, rate);
  }

  private long prefill(String topic, int records) throws Exception {
    AppealSimulator simulator = new AppealSimulator(settings.seed());
    Commands commands = new Commands(settings.runId());
    var serializer = Topics.APPEAL_COMMANDS.valueSerde().serializer();
    AtomicLong sent = new AtomicLong();
    long bytes = 0;
    long begin = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = kafka.producer(new ByteArraySerializer());
         Progress progress = new Progress("baseline pre-fill", () -> String.format(Locale.ROOT, "written %,d of %,d", sent.get(), records))) {
      for (int n = 0; n < records; n++) {
        var command = commands.submit("baseline", n, simulator.next());
        byte[] value = serializer.serialize(topic, command);
        bytes += value.length;
        producer.send(Commands.record(topic, command.getAppealId(), value), (metadata, error) -> {
          if (error == null) {
            sent.incrementAndGet();
          }
        });
      }
      producer.flush();
    }
    System.out.printf("  pre-filled in %s%n", Durations.seconds((System.nanoTime() - begin) / 1e9));
    if (sent.get() != records) {
      throw new IllegalStateException("only " + sent.get() + " of " + records + " records were written");
    }
    return bytes;
  }
}
