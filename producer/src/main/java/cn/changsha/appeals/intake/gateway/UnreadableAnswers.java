package cn.changsha.appeals.intake.gateway;

import cn.changsha.appeals.streams.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Takes the records {@link org.springframework.kafka.support.serializer.ErrorHandlingDeserializer}
 * could not read out of a batch of answers and sends their original bytes to the dead letters.
 */
final class UnreadableAnswers<V> implements BatchInterceptor<String, V> {

  private final DeadLetters deadLetters;

  UnreadableAnswers(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @Override
  public ConsumerRecords<String, V> intercept(ConsumerRecords<String, V> records, Consumer<String, V> consumer) {
    Map<TopicPartition, List<ConsumerRecord<String, V>>> readable = new HashMap<>();
    boolean anyUnreadable = false;
    for (ConsumerRecord<String, V> record : records) {
      Optional<DeserializationException> failure = failure(record);
      if (failure.isPresent()) {
        anyUnreadable = true;
        deadLetters.accept(original(record, failure.get()), failure.get());
      } else {
        readable.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), tp -> new ArrayList<>()).add(record);
      }
    }
    return anyUnreadable ? new ConsumerRecords<>(readable, records.nextOffsets()) : records;
  }

  private static Optional<DeserializationException> failure(ConsumerRecord<?, ?> record) {
    if (record.value() != null) {
      return Optional.empty();
    }
    return Optional.ofNullable(SerializationUtils.getExceptionFromHeader(record,
        SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null));
  }

  private static ConsumerRecord<byte[], byte[]> original(ConsumerRecord<String, ?> record, DeserializationException e) {
    byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
    return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
        record.timestampType(), -1, -1, key, e.getData(), record.headers(), Optional.empty());
  }
}
