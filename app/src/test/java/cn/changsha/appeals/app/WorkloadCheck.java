package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.app.ScriptedWorkload.Filed;
import cn.changsha.appeals.app.ScriptedWorkload.Plan;
import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

/** What must hold after a scripted workload, whatever was done to the system while it ran. */
final class WorkloadCheck {

  private static final Set<String> LIFE_CYCLE = Set.of("SUBMITTED", "ROUTED", "ACKNOWLEDGED", "RESOLVED", "EVALUATED",
      "CLOSED", "REOPENED", "WITHDRAWN", "TRANSFERRED");

  private WorkloadCheck() {}

  /** Every appeal ended as its plan says; the queues hold exactly the open ones; the log has every event once. */
  static void verify(ScriptedWorkload workload, int count, String bootstrapServers) {
    SoftAssertions soft = new SoftAssertions();
    assertThat(workload.filed).hasSize(count);
    Map<String, Integer> open = new HashMap<>();
    for (Filed appeal : workload.filed.values()) {
      JsonNode state = workload.read(appeal.appealId()).orElseThrow(() -> new AssertionError("Cannot read " + appeal.appealId()));
      soft.assertThat(state.path("status").asString()).as("status of %s (%s)", appeal.index(), appeal.plan())
          .isEqualTo(appeal.plan().status);
      soft.assertThat(state.path("departmentId").asString()).as("department of %s", appeal.index()).isEqualTo(appeal.plan().department);
      soft.assertThat(lifeCycle(state.path("timeline"))).as("timeline of %s (%s)", appeal.index(), appeal.plan())
          .isEqualTo(appeal.plan().events());
      if (appeal.plan().open()) {
        open.merge(appeal.plan().department, 1, Integer::sum);
      }
    }
    for (String department : List.of(ScriptedWorkload.HOME, ScriptedWorkload.ELSEWHERE)) {
      JsonNode queue = workload.get("/api/departments/" + department + "/queue?limit=10000").orElseThrow();
      soft.assertThat(queue.path("total").asInt()).as("open appeals in %s", department).isEqualTo(open.getOrDefault(department, 0));
    }
    int received = 0;
    for (JsonNode group : workload.get("/api/stats/departments").orElseThrow()) {
      received += group.path("received").asInt();
    }
    soft.assertThat(received).as("appeals received, summed over departments").isEqualTo(count);
    checkEventLog(workload, bootstrapServers, soft);
    soft.assertAll();
  }

  /** Reads appeal-events as a department's system would (committed only) and counts by command id. */
  private static void checkEventLog(ScriptedWorkload workload, String bootstrapServers, SoftAssertions soft) {
    Map<String, Plan> plans = new HashMap<>();
    workload.filed.values().forEach(f -> plans.put(f.appealId(), f.plan()));
    Map<String, List<String>> byAppeal = new HashMap<>();
    Map<String, List<String>> byCommand = new HashMap<>();
    Set<String> eventIds = new HashSet<>();
    int duplicateIds = 0;
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, AppealEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        Topics.APPEAL_EVENTS.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.APPEAL_EVENTS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          AppealEvent event = record.value();
          if (!eventIds.add(event.getEventId())) {
            duplicateIds++;
          }
          if (plans.containsKey(event.getAppealId()) && LIFE_CYCLE.contains(event.getType().name())) {
            byAppeal.computeIfAbsent(event.getAppealId(), k -> new ArrayList<>()).add(event.getType().name());
            byCommand.computeIfAbsent(event.getCommandId(), k -> new ArrayList<>()).add(event.getType().name());
          }
        }
      }
    }
    soft.assertThat(duplicateIds).as("events on appeal-events more than once").isZero();
    plans.forEach((appealId, plan) ->
        soft.assertThat(byAppeal.get(appealId)).as("appeal-events of %s (%s)", appealId, plan).isEqualTo(plan.events()));
    byCommand.forEach((commandId, types) -> soft.assertThat(types).as("events of command %s", commandId)
        .doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(2));
  }

  private static List<String> lifeCycle(JsonNode timeline) {
    List<String> types = new ArrayList<>();
    timeline.forEach(e -> {
      if (LIFE_CYCLE.contains(e.path("type").asString())) {
        types.add(e.path("type").asString());
      }
    });
    return types;
  }
}
