package cn.changsha.appeals.streams.deadletter;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' processing exception handler: a record that makes a processor throw is sent, as
 * the bytes it arrived with, to the dead letters and processing goes on with the next record.
 * Without it, the stream thread dies and meets the same record again after every restart.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  /** Streams config key under which the {@link DeadLetters} instance is handed to this handler. */
  public static final String DEAD_LETTERS_CONFIG = "appeals.dead-letters";
  private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    if (!(configs.get(DEAD_LETTERS_CONFIG) instanceof DeadLetters configured)) {
      throw new IllegalStateException(DEAD_LETTERS_CONFIG + " must hold the DeadLetters instance");
    }
    this.deadLetters = configured;
  }

  @Override
  public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (context.topic() == null) {
      // A punctuation (the SLA timer check) failed: there is no input record to keep. The next
      // check runs in a second; the log and the thread's metrics show it.
      log.error("A scheduled check failed in task {} at {}", context.taskId(), context.processorNodeId(), exception);
      return ProcessingHandlerResponse.CONTINUE;
    }
    ConsumerRecord<byte[], byte[]> original = new ConsumerRecord<>(context.topic(), context.partition(), context.offset(),
        context.timestamp(), TimestampType.CREATE_TIME, -1, -1, context.sourceRawKey(), context.sourceRawValue(),
        context.headers(), Optional.empty());
    try {
      deadLetters.accept(original, exception, DeadLetters.Stage.PROCESSING);
      return ProcessingHandlerResponse.CONTINUE;
    } catch (RuntimeException publishFailed) {
      // Not kept anywhere: stop this thread rather than lose the record; it is met again after the restart.
      log.error("Could not dead-letter a record of {}-{} at offset {}", context.topic(), context.partition(),
          context.offset(), publishFailed);
      return ProcessingHandlerResponse.FAIL;
    }
  }
}
