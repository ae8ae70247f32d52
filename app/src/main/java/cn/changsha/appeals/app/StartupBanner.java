package cn.changsha.appeals.app;

import cn.changsha.appeals.streams.config.AppealsProperties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the system where to look, once it can serve: the web server is up and
 * Kafka Streams is RUNNING (before that, queries would answer 503).
 */
@Component
class StartupBanner implements StreamsBuilderFactoryBeanConfigurer {

  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

  private final Environment env;
  private final KafkaProperties kafka;
  private final AppealsProperties appeals;
  private final AtomicBoolean applicationReady = new AtomicBoolean();
  private final AtomicBoolean streamsRunning = new AtomicBoolean();
  private final AtomicBoolean shown = new AtomicBoolean();

  StartupBanner(Environment env, KafkaProperties kafka, AppealsProperties appeals) {
    this.env = env;
    this.kafka = kafka;
    this.appeals = appeals;
  }

  @Override
  public void configure(StreamsBuilderFactoryBean factoryBean) {
    factoryBean.setStateListener((newState, oldState) -> {
      if (newState == KafkaStreams.State.RUNNING) {
        streamsRunning.set(true);
        showOnceBothAreUp();
      }
    });
  }

  @EventListener(ApplicationReadyEvent.class)
  void applicationReady() {
    applicationReady.set(true);
    showOnceBothAreUp();
  }

  private void showOnceBothAreUp() {
    if (!applicationReady.get() || !streamsRunning.get() || !shown.compareAndSet(false, true)) {
      return;
    }
    String http = "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    String credentials = appeals.dataDir().resolve("credentials.txt").toAbsolutePath().toString();
    log.info("""

        ===============================================================
         Enterprise appeal tracker is up / 企业诉求跟踪系统已启动
           Screens ........ {}/ (sign in with a key from the file below)
           API ............ {}/api/departments
           API docs ....... {}/swagger-ui.html
           Health ......... {}/actuator/health
           Kafka .......... {}
           Data ........... {}
           API keys ....... {} (made on the first start)
         Try: curl -s -H "X-API-Key: $(awk -F'\t' '$2=="kiosk-01"{print $4}' {})" {}/api/departments | head -c 400
         Simulate: APPEALS_API_KEY=<the kiosk-01 key> java -jar kiosk/target/kiosk-0.1.0-SNAPSHOT-exec.jar simulate --rate 5
        ===============================================================""",
        http, http, http, http, String.join(",", kafka.getBootstrapServers()),
        appeals.dataDir().toAbsolutePath(), credentials, credentials, http);
  }
}
