package cn.changsha.appeals.intake.gateway;

import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.CommandResult;
import cn.changsha.appeals.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.requestreply.KafkaReplyTimeoutException;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.requestreply.RequestReplyFuture;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sends a command to the appeal topology and waits, for a bounded time, for its answer. The
 * command is on the log once {@link #send} returns without throwing; an empty answer means the
 * topology has not answered in time, not that the command was lost.
 */
@Component
public class CommandGateway {

  private final Supplier<ReplyingKafkaTemplate<String, SpecificRecord, CommandResult>> template;
  private final MeterRegistry meters;

  /** The template is looked up at the first command: it is a lazy bean, see {@link CommandGatewayConfiguration}. */
  public CommandGateway(ObjectProvider<ReplyingKafkaTemplate<String, SpecificRecord, CommandResult>> commandTemplate,
      MeterRegistry meters) {
    this.meters = meters;
    this.template = SingletonSupplier.of(commandTemplate::getObject);
  }

  /** Sends the command and waits for the topology's answer; the wait is timed as {@code appeals.command.answer}. */
  public Optional<CommandResult> send(AppealCommand command) {
    Timer.Sample waiting = Timer.start(meters);
    Optional<CommandResult> answer = sendAndWait(command);
    waiting.stop(meters.timer("appeals.command.answer", "command", command.getType().name(),
        "outcome", answer.map(result -> result.getOutcome().name()).orElse("NO_ANSWER_IN_TIME")));
    return answer;
  }

  private Optional<CommandResult> sendAndWait(AppealCommand command) {
    RequestReplyFuture<String, SpecificRecord, CommandResult> future = template.get().sendAndReceive(
        new ProducerRecord<>(Topics.APPEAL_COMMANDS.name(), command.getAppealId(), command));
    try {
      future.getSendFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new CommandNotRecordedException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandNotRecordedException(e);
    }
    try {
      ConsumerRecord<String, CommandResult> reply = future.get();
      return Optional.of(reply.value());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KafkaReplyTimeoutException) {
        return Optional.empty();
      }
      throw new IllegalStateException("Waiting for the answer to command " + command.getCommandId() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Kafka did not take the command; nothing happened and the caller may retry. */
  public static final class CommandNotRecordedException extends RuntimeException {
    CommandNotRecordedException(Throwable cause) {
      super("Kafka did not accept the command: " + cause.getMessage(), cause);
    }
  }
}
