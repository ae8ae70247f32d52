package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import cn.changsha.appeals.kiosk.Receipt;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Health tells the truth: ready only while Kafka Streams runs, and public callers learn only the status. */
class HealthTest {

  @TempDir Path dataDir;

  @Test
  void readinessIsRefusedWhileKafkaStreamsRebalancesAndPublicHealthShowsNoDetailsAndMetricsAreScraped() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (Tracker tracker = Tracker.start(dataDir, Tracker.Ports.free())) {
      KafkaStreams streams = tracker.context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
      HttpRequest readiness = HttpRequest.newBuilder(tracker.baseUri().resolve("/actuator/health/readiness")).build();
      assertThat(http.send(readiness, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

      Receipt filed = tracker.as("kiosk-01").submit(Drafts.aikerui("重平衡期间的查询"));
      HttpRequest appeal = tracker.request("monitor", "/api/appeals/" + filed.appealId()).build();

      // A new stream thread makes Kafka Streams rebalance: readiness must say so while it lasts,
      // and a read of the stores is refused as one to retry, never a server error.
      streams.addStreamThread();
      int seenWhileRebalancing = 0;
      Set<Integer> appealAnswers = new TreeSet<>();
      Instant until = Instant.now().plusSeconds(30);
      while (Instant.now().isBefore(until) && (seenWhileRebalancing == 0 || streams.state() != KafkaStreams.State.RUNNING)) {
        KafkaStreams.State before = streams.state();
        int status = http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode();
        KafkaStreams.State after = streams.state();
        HttpResponse<String> read = http.send(appeal, HttpResponse.BodyHandlers.ofString());
        appealAnswers.add(read.statusCode());
        if (read.statusCode() == 503) {
          assertThat(read.headers().firstValue("Retry-After")).as(read.body()).isPresent();
        }
        if (before == KafkaStreams.State.REBALANCING && after == KafkaStreams.State.REBALANCING) {
          assertThat(status).as("readiness while rebalancing").isEqualTo(503);
          seenWhileRebalancing++;
        }
        if (status == 200) {
          assertThat(before == KafkaStreams.State.RUNNING || after == KafkaStreams.State.RUNNING)
              .as("ready only around RUNNING").isTrue();
        }
      }
      assertThat(seenWhileRebalancing).as("readiness answers seen during the rebalance").isPositive();
      assertThat(appealAnswers).as("an appeal read during the rebalance").isSubsetOf(200, 503);
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
          .until(() -> http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

      HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(tracker.baseUri().resolve("/actuator/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode publicView = JsonMapper.builder().build().readTree(anonymous.body());
      assertThat(publicView.path("status").asString()).isEqualTo("UP");
      assertThat(publicView.has("components")).isFalse();
      HttpResponse<String> monitor = http.send(tracker.request("monitor", "/actuator/health").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(monitor.body()).contains("\"kafkaStreams\"").contains("RUNNING").contains("\"calendar\"");
      JsonNode broker = JsonMapper.builder().build().readTree(monitor.body()).path("components").path("kafkaBroker");
      assertThat(broker.path("status").asString()).isEqualTo("UP");
      assertThat(broker.path("details").path("brokers").asInt()).isEqualTo(1);
      assertThat(broker.path("details").path("inProcess").asBoolean()).isTrue();
      HttpResponse<String> liveness = http.send(HttpRequest.newBuilder(tracker.baseUri().resolve("/actuator/health/liveness")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(liveness.statusCode()).isEqualTo(200);

      // Prometheus: Kafka clients and Streams, and the product's own figures, for monitors only.
      tracker.as("kiosk-01").submit(Drafts.aikerui("指标测试"));
      HttpResponse<String> scrape = http.send(tracker.request("monitor", "/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("appeals_events_total{type=\"SUBMITTED\"}").contains("appeals_events_total{type=\"ROUTED\"}")
          .contains("appeals_command_answer_seconds_count{command=\"SUBMIT\",outcome=\"ACCEPTED\"}")
          .contains("kafka_stream_").contains("kafka_consumer_").contains("kafka_producer_");
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> http.send(tracker.request("monitor", "/actuator/prometheus").build(),
          HttpResponse.BodyHandlers.ofString()).body().contains("appeals_queue_depth{department=\"430104-ENV\"} 2.0")); // both appeals filed here
      assertThat(http.send(tracker.request("kiosk-01", "/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(403);
    }
  }
}
