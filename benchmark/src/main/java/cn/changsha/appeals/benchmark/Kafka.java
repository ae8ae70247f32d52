package cn.changsha.appeals.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka clients on the app's in-process broker, set up as the product's own clients are. */
final class Kafka {

  private final String bootstrapServers;

  Kafka(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  /** Idempotent, acknowledged by every replica: what the product's command gateway sends with. */
  <V> KafkaProducer<String, V> producer(Serializer<V> values) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return new KafkaProducer<>(props, new StringSerializer(), values);
  }

  /** Reads only what was committed, as every reader of the product's topics must under exactly-once. */
  <V> KafkaConsumer<String, V> consumer(Deserializer<V> values) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    return new KafkaConsumer<>(props, new StringDeserializer(), values);
  }

  Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** The committed end of every partition of a topic now: where a tail that wants only what comes next begins. */
  Map<TopicPartition, Long> endOffsets(String topic) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      return consumer.endOffsets(partitions, Duration.ofSeconds(30));
    }
  }

  /**
   * Offsets taken so far on every topic but the broker's own ({@code __consumer_offsets},
   * {@code __transaction_state}): the records written, and the transaction markers among them.
   */
  long offsetsTaken() {
    try (KafkaConsumer<String, byte[]> consumer = consumer(new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(30)).entrySet().stream()
          .filter(topic -> !topic.getKey().startsWith("__"))
          .flatMap(topic -> topic.getValue().stream().map(p -> new TopicPartition(p.topic(), p.partition())))
          .toList();
      return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Waits until the consumer group has read everything on {@code topic}: after a load that outran the
   * topology, the backlog it left would otherwise be worked off during the next measurement.
   */
  void awaitCaughtUp(String group, String topic, Duration within) throws Exception {
    long giveUp = System.nanoTime() + within.toNanos();
    long nextNote = System.nanoTime() + 5_000_000_000L;
    try (Admin admin = admin()) {
      while (true) {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, java.util.concurrent.TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets(topic).entrySet()) {
          var at = committed.get(end.getKey());
          lag += end.getValue() - (at == null ? 0 : at.offset());
        }
        if (lag <= 0) {
          return;
        }
        if (System.nanoTime() > giveUp) {
          System.out.printf("  %,d records of %s still unread by %s after %s; going on%n", lag, topic, group, within);
          return;
        }
        if (System.nanoTime() > nextNote) {
          System.out.printf("  waiting for the topology to work off %,d commands left by the last load%n", lag);
          nextNote += 5_000_000_000L;
        }
        Threads.sleep(Duration.ofMillis(500));
      }
    }
  }

  /**
   * Reads a topic from the given offsets on a thread of its own and hands every committed record to
   * {@code handler}, until closed.
   */
  <V> Tail tail(Map<TopicPartition, Long> from, Deserializer<V> values, Consumer<ConsumerRecord<String, V>> handler) {
    KafkaConsumer<String, V> consumer = consumer(values);
    consumer.assign(from.keySet());
    from.forEach(consumer::seek);
    Tail tail = new Tail(consumer);
    Thread thread = Threads.daemon("tail-" + from.keySet().iterator().next().topic()).newThread(() -> {
      try {
        while (!tail.closed) {
          for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(100))) {
            handler.accept(record);
          }
        }
      } catch (org.apache.kafka.common.errors.WakeupException e) {
        // closed
      } catch (RuntimeException e) {
        tail.failure = e;
        System.out.println("  reading " + from.keySet().iterator().next().topic() + " failed: " + e);
      } finally {
        consumer.close();
        tail.done.countDown();
      }
    });
    thread.start();
    return tail;
  }

  static final class Tail implements AutoCloseable {
    private final KafkaConsumer<?, ?> consumer;
    private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean closed;
    private volatile RuntimeException failure;

    private Tail(KafkaConsumer<?, ?> consumer) {
      this.consumer = consumer;
    }

    RuntimeException failure() {
      return failure;
    }

    @Override
    public void close() {
      closed = true;
      consumer.wakeup();
      try {
        done.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
