package cn.changsha.appeals.webhooks;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/** A write the caller must know is kept before going on (a cursor, a replayed call). */
final class KafkaWrites {

  private KafkaWrites() {}

  /** Sends and waits for the brokers' acknowledgement; throws, saying {@code what} failed, if it does not come. */
  static void sendAndWait(KafkaTemplate<String, String> template, String topic, String key, String value, String what) {
    try {
      template.send(topic, key, value).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
