package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process broker killed with SIGKILL while a producer commits transactions back to back,
 * then started again on the same log, several times over. Whatever transaction was under way at
 * the kill must end after the restart: once its producer has come back, no partition may still
 * hold a transaction open, or read-committed readers (Kafka Streams restoring its stores among
 * them) wait at it for good. Before {@code StaleRegistrationFence}, a commit being written at the
 * kill was recorded as done while its partitions never got the commit marker.
 */
class BrokerCrashIT {

  static final int KILLS = Integer.getInteger("faults.broker-kills", 6);
  static final String TOPIC = "crash-check";
  /** Many, so that writing a commit's markers takes long enough for a kill to land in it. */
  static final int PARTITIONS = 96;
  static final int COMMITS_BEFORE_KILL = 50;
  static final String TRANSACTIONAL_ID = "crash-check-producer";

  @TempDir Path workDir;

  @Test
  void everyTransactionUnderWayAtAKillEndsAfterTheRestart() throws Exception {
    Tracker.Ports ports = Tracker.Ports.free();
    List<TopicPartition> partitions = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
    try (BrokerProcess broker = new BrokerProcess(workDir.resolve("broker"), ports.kafka(), ports.controller()).start()) {
      try (Admin admin = admin(broker)) {
        admin.createTopics(List.of(new NewTopic(TOPIC, partitions.size(), (short) 1))).all().get();
      }
      int committedBeforeKills = 0;
      for (int kill = 1; kill <= KILLS; kill++) {
        committedBeforeKills += commitUntilKilled(broker, partitions);
        broker.start();
        try (KafkaProducer<String, String> successor = producer(broker)) {
          // The same transactional id: the coordinator ends what its predecessor left before answering.
          successor.initTransactions();
        }
        try (Admin admin = admin(broker)) {
          assertThat(openTransactions(admin, partitions, Duration.ofSeconds(20)))
              .as("partitions still holding a transaction open after restart %d", kill).isEmpty();
        }
      }
      System.out.printf("Broker killed %d times, each just after a commit was accepted (%d transactions committed in all)%n",
          KILLS, committedBeforeKills);
    }
  }

  /**
   * Commits one record to every partition per transaction, back to back, and kills the broker the
   * moment a commit has been accepted: the coordinator has recorded it and is still writing its
   * markers, the window in which a crash used to leave it half done.
   */
  private static int commitUntilKilled(BrokerProcess broker, List<TopicPartition> partitions) throws InterruptedException {
    AtomicInteger committed = new AtomicInteger();
    try (KafkaProducer<String, String> producer = producer(broker)) {
      Thread committer = new Thread(() -> {
        producer.initTransactions();
        while (true) {
          producer.beginTransaction();
          for (TopicPartition partition : partitions) {
            producer.send(new ProducerRecord<>(TOPIC, partition.partition(), "k", "v" + committed.get()));
          }
          producer.commitTransaction();
          if (committed.incrementAndGet() == COMMITS_BEFORE_KILL) {
            broker.kill();
            return;
          }
        }
      }, "crash-check-committer");
      committer.start();
      committer.join(Duration.ofSeconds(60).toMillis());
      assertThat(committer.isAlive()).as("committer still running after a minute").isFalse();
      producer.close(Duration.ZERO);
    }
    assertThat(committed.get()).as("transactions committed before the kill").isEqualTo(COMMITS_BEFORE_KILL);
    return committed.get();
  }

  private static Set<TopicPartition> openTransactions(Admin admin, List<TopicPartition> partitions, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (true) {
      Set<TopicPartition> open = new TreeSet<>(Comparator.comparing(TopicPartition::toString));
      Map<TopicPartition, PartitionProducerState> states = admin.describeProducers(partitions).all().get();
      states.forEach((partition, state) -> {
        if (state.activeProducers().stream().anyMatch(producer -> producer.currentTransactionStartOffset().isPresent())) {
          open.add(partition);
        }
      });
      if (open.isEmpty() || Instant.now().isAfter(deadline)) {
        return open;
      }
      Thread.sleep(200);
    }
  }

  private static KafkaProducer<String, String> producer(BrokerProcess broker) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID,
        ProducerConfig.LINGER_MS_CONFIG, 0,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
        new StringSerializer(), new StringSerializer());
  }

  private static Admin admin(BrokerProcess broker) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }
}
