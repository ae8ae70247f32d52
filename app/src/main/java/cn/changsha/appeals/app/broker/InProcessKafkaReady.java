package cn.changsha.appeals.app.broker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Holds the context's start, once every bean exists and before any of them begins its work with
 * Kafka (topics, producers, Kafka Streams), until the in-process broker started beside it is
 * ready; a broker that failed to start fails the application with its own error.
 */
final class InProcessKafkaReady implements SmartInitializingSingleton {

  private final CompletableFuture<Void> started;

  InProcessKafkaReady(CompletableFuture<Void> started) {
    this.started = started;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      started.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause
          : new IllegalStateException("The in-process Kafka broker did not start", e.getCause());
    }
  }
}
