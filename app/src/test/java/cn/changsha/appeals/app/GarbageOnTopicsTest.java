package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.kiosk.AppealClient;
import cn.changsha.appeals.kiosk.Receipt;
import cn.changsha.appeals.schema.Actor;
import cn.changsha.appeals.schema.ActorRole;
import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealSubmission;
import cn.changsha.appeals.schema.Channel;
import cn.changsha.appeals.schema.CommandType;
import cn.changsha.appeals.schema.Enterprise;
import cn.changsha.appeals.schema.Priority;
import cn.changsha.appeals.schema.SlaPolicy;
import cn.changsha.appeals.schema.SlaTarget;
import cn.changsha.appeals.schema.TargetKind;
import cn.changsha.appeals.streams.AppealIds;
import cn.changsha.appeals.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import tools.jackson.databind.JsonNode;

/**
 * Garbage on every topic the system reads, written the way an operator's slip or an attacker
 * would (straight to Kafka), while appeals flow: every valid appeal is processed, every bad
 * record lands on the dead letters with where it came from, and a restart changes nothing.
 */
class GarbageOnTopicsTest {

  @TempDir Path dataDir;

  /** A dead letter is known by where the original record was. */
  record Origin(String topic, int partition, long offset) {}

  /** A record written straight to Kafka, and whether it must end up a dead letter. */
  record Written(ProducerRecord<byte[], byte[]> record, boolean deadLetter) {}

  @Test
  void badRecordsGoToTheDeadLettersAndEverythingElseIsProcessed() throws Exception {
    Tracker.Ports ports = Tracker.Ports.free();
    List<Receipt> receipts = new ArrayList<>();
    Set<Origin> bad = new HashSet<>();
    try (Tracker tracker = Tracker.start(dataDir, ports);
        KafkaProducer<byte[], byte[]> raw = rawProducer(tracker)) {
      AppealClient kiosk = tracker.as("kiosk-01");
      AppealClient monitor = tracker.as("monitor");
      List<Written> garbage = garbage();
      for (int i = 0; i < garbage.size(); i++) {
        receipts.add(kiosk.submit(Drafts.aikerui("垃圾数据期间的诉求 " + i)));
        RecordMetadata written = raw.send(garbage.get(i).record()).get();
        if (garbage.get(i).deadLetter()) {
          bad.add(new Origin(written.topic(), written.partition(), written.offset()));
        }
      }
      for (int i = 0; i < 5; i++) {
        receipts.add(kiosk.submit(Drafts.aikerui("垃圾数据之后的诉求 " + i)));
      }

      assertEveryAppealRouted(monitor, receipts);
      Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters(monitor)).isEqualTo(bad));
      assertThat(streamsState(tracker)).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(tracker.metric("appeals.dead.letters")).isEqualTo((double) bad.size());
    }

    try (Tracker again = Tracker.start(dataDir, ports)) {
      AppealClient kiosk = again.as("kiosk-01");
      AppealClient monitor = again.as("monitor");
      assertEveryAppealRouted(monitor, receipts);
      Receipt after = kiosk.submit(Drafts.aikerui("重启之后的诉求"));
      assertThat(after.routed()).isTrue();
      assertThat(deadLetters(monitor)).isEqualTo(bad);
      assertThat(streamsState(again)).isEqualTo(KafkaStreams.State.RUNNING);
    }
  }

  /** Bytes that are not Avro, Avro of a schema nobody knows, a cut-off record, and a record a processor throws on. */
  private static List<Written> garbage() {
    Random random = new Random(2026);
    List<String> readTopics = List.of(Topics.APPEAL_COMMANDS.name(), Topics.COMMAND_RESULTS.name(),
        Topics.DEPARTMENTS.name(), Topics.ROUTING_RULES.name(), Topics.SLA_POLICIES.name(), Topics.LIAISONS.name(),
        "appeal-tracker-hotspot-candidates-repartition");
    List<Written> records = new ArrayList<>();
    for (String topic : readTopics) {
      records.add(deadLetter(topic, "garbage-text", "this is not an appeal\n".getBytes(StandardCharsets.UTF_8)));
      byte[] unknownSchema = new byte[40];
      random.nextBytes(unknownSchema);
      unknownSchema[0] = (byte) 0xC3;
      unknownSchema[1] = 0x01;
      records.add(deadLetter(topic, "garbage-fingerprint", unknownSchema));
      byte[] whole = Topics.APPEAL_COMMANDS.valueSerde().serializer().serialize(topic, submission(Priority.NORMAL));
      byte[] cut = new byte[whole.length / 2];
      System.arraycopy(whole, 0, cut, 0, cut.length);
      records.add(deadLetter(topic, "garbage-cut", cut));
    }
    // An SLA policy written around the admin API, with a target no calendar can reach (the API
    // refuses it), then an urgent appeal it applies to: the SLA planner throws on it.
    SlaPolicy absurd = new SlaPolicy("urgent-absurd", Priority.URGENT, "OTHER",
        new SlaTarget(TargetKind.WORKING_DAYS, 5_000), new SlaTarget(TargetKind.WORKING_DAYS, 5_000));
    records.add(new Written(new ProducerRecord<>(Topics.SLA_POLICIES.name(), bytes("urgent-absurd"),
        Topics.SLA_POLICIES.valueSerde().serializer().serialize(Topics.SLA_POLICIES.name(), absurd)), false));
    AppealCommand urgent = submission(Priority.URGENT);
    records.add(deadLetter(Topics.APPEAL_COMMANDS.name(), urgent.getAppealId(),
        Topics.APPEAL_COMMANDS.valueSerde().serializer().serialize(Topics.APPEAL_COMMANDS.name(), urgent)));
    return records;
  }

  private static AppealCommand submission(Priority priority) {
    String trackingNumber = AppealIds.trackingNumberFor(null);
    return AppealCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString()).setAppealId(AppealIds.appealIdFor(trackingNumber))
        .setType(CommandType.SUBMIT).setIssuedAt(Instant.now()).setActor(new Actor(ActorRole.KIOSK, "forged", null))
        .setTrackingNumber(trackingNumber).setRequestFingerprint("x")
        .setSubmission(AppealSubmission.newBuilder()
            .setEnterprise(new Enterprise("某公司", "91350100M000100Y43", "张三", "13800000000", null))
            .setDistrict("430104").setCategory("OTHER").setTitle("t").setDescription("d")
            .setChannel(Channel.KIOSK).setPriority(priority).build())
        .build();
  }

  private static Written deadLetter(String topic, String key, byte[] value) {
    return new Written(new ProducerRecord<>(topic, bytes(key), value), true);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertEveryAppealRouted(AppealClient client, List<Receipt> receipts) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      for (Receipt receipt : receipts) {
        JsonNode appeal = client.appeal(receipt.appealId());
        assertThat(appeal.path("status").asString()).isEqualTo("ROUTED");
      }
    });
  }

  private static Set<Origin> deadLetters(AppealClient client) {
    Set<Origin> origins = new HashSet<>();
    for (JsonNode letter : client.read("/api/dead-letters?limit=1000")) {
      origins.add(new Origin(letter.path("sourceTopic").asString(), letter.path("sourcePartition").asInt(),
          letter.path("sourceOffset").asLong()));
    }
    return origins;
  }

  private static KafkaStreams.State streamsState(Tracker tracker) {
    return tracker.context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams().state();
  }

  private static KafkaProducer<byte[], byte[]> rawProducer(Tracker tracker) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, tracker.bootstrapServers()),
        new ByteArraySerializer(), new ByteArraySerializer());
  }
}
