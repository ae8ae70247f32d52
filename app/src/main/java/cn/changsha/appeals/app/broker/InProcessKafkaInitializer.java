package cn.changsha.appeals.app.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.changsha.appeals.streams.config.AppealsProperties;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no Kafka configured ({@code KAFKA_BOOTSTRAP_SERVERS} unset), starts the in-process broker
 * beside the context and points Spring's Kafka settings at it; the context goes on to use Kafka
 * only once the broker is ready. The broker is registered as the context's first singleton, so it
 * is closed last, after Streams and the producers have finished with it.
 */
public final class InProcessKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Logger log = LoggerFactory.getLogger(InProcessKafkaInitializer.class);

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    String configured = env.getProperty("KAFKA_BOOTSTRAP_SERVERS", env.getProperty("spring.kafka.bootstrap-servers", ""));
    if (!configured.isBlank()) {
      log.info("Using the Kafka cluster at {}", configured);
      env.getPropertySources().addFirst(new MapPropertySource("kafkaCluster",
          Map.of("spring.kafka.bootstrap-servers", configured)));
      return;
    }
    // Bound as the rest of the application binds it, so the broker's log sits where its defaults say.
    Path dataDir = Binder.get(env).bindOrCreate("appeals", AppealsProperties.class).dataDir();
    InProcessKafkaBroker broker = new InProcessKafkaBroker(dataDir.resolve("kafka"),
        env.getProperty("appeals.embedded-kafka.port", Integer.class, 9092),
        env.getProperty("appeals.embedded-kafka.controller-port", Integer.class, 9093));
    // The broker loads its logs while Spring builds the application's beans: each takes seconds,
    // and after a crash with a million appeals the broker alone took 13.7 s. Nothing uses Kafka
    // before every bean exists; InProcessKafkaReady holds the start there until the broker is up.
    // Checked here, not only on the broker's thread: a port in use must stop the start at once,
    // not after every bean has waited for a broker that is somebody else's.
    broker.ensurePortsFree();
    CompletableFuture<Void> started = CompletableFuture.runAsync(broker::start,
        task -> new Thread(task, "in-process-kafka-start").start());
    env.getPropertySources().addFirst(new MapPropertySource("inProcessKafka",
        Map.of("spring.kafka.bootstrap-servers", broker.bootstrapServers())));
    ConfigurableListableBeanFactory beans = context.getBeanFactory();
    beans.registerSingleton("inProcessKafkaBroker", broker);
    ((DefaultSingletonBeanRegistry) beans).registerDisposableBean("inProcessKafkaBroker", broker::close);
    // A bean definition, not a bare singleton: only those get afterSingletonsInstantiated, and this
    // one is defined before the application's own, so it runs before KafkaAdmin creates the topics.
    ((BeanDefinitionRegistry) beans).registerBeanDefinition("inProcessKafkaReady",
        BeanDefinitionBuilder.genericBeanDefinition(InProcessKafkaReady.class, () -> new InProcessKafkaReady(started))
            .getBeanDefinition());
  }
}
