package cn.changsha.appeals.query;

import cn.changsha.appeals.streams.view.Times;
import cn.changsha.appeals.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * The newest dead letters, read straight from {@code appeal-dead-letters}: where each record came
 * from and why it was refused. The payload stays on the topic (it may hold personal data); only
 * its size is shown.
 */
@Component
public class DeadLetterReader {

  private static final Duration READ_FOR_AT_MOST = Duration.ofSeconds(5);

  private final KafkaProperties kafka;

  public DeadLetterReader(KafkaProperties kafka) {
    this.kafka = kafka;
  }

  public record DeadLetter(
      String sourceTopic, Integer sourcePartition, Long sourceOffset, String exception, String reason,
      OffsetDateTime deadLetteredAt, int keyBytes, int valueBytes, int partition, long offset) {}

  /** Up to {@code limit} dead letters, newest first. */
  public List<DeadLetter> newest(int limit) {
    List<DeadLetter> letters = new ArrayList<>();
    TopicReading.untilNow(kafka, Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer(),
        (start, end) -> end - limit, READ_FOR_AT_MOST, record -> letters.add(describe(record)));
    letters.sort(Comparator.comparing(DeadLetter::deadLetteredAt).reversed());
    return letters.subList(0, Math.min(limit, letters.size()));
  }

  private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
    Headers headers = record.headers();
    byte[] partition = bytes(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION);
    byte[] offset = bytes(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET);
    return new DeadLetter(text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC),
        partition == null ? null : ByteBuffer.wrap(partition).getInt(),
        offset == null ? null : ByteBuffer.wrap(offset).getLong(),
        text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN), text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
        Times.local(Instant.ofEpochMilli(record.timestamp())),
        record.key() == null ? 0 : record.key().length, record.value() == null ? 0 : record.value().length,
        record.partition(), record.offset());
  }

  private static byte[] bytes(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : header.value();
  }

  private static String text(Headers headers, String name) {
    byte[] value = bytes(headers, name);
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }
}
