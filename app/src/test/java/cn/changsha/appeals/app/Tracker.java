package cn.changsha.appeals.app;

import cn.changsha.appeals.AppealTrackerApplication;
import cn.changsha.appeals.kiosk.AppealClient;
import cn.changsha.appeals.kiosk.Credential;
import cn.changsha.appeals.kiosk.Receipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** The whole system as a user starts it, on its own data directory and ports, ready when Streams runs. */
final class Tracker implements AutoCloseable {

  /** Ports chosen once per data directory, so a restart finds the same broker address. */
  record Ports(int http, int kafka, int controller) {
    static Ports free() {
      return new Ports(freePort(), freePort(), freePort());
    }
  }

  private static final java.util.Random RANDOM = new java.security.SecureRandom();

  final Ports ports;
  final ConfigurableApplicationContext context;
  private final Path dataDir;
  private Map<String, String> keys;

  private Tracker(Ports ports, ConfigurableApplicationContext context, Path dataDir) {
    this.ports = ports;
    this.context = context;
    this.dataDir = dataDir;
  }

  static Tracker start(Path dataDir, Ports ports) {
    return start(dataDir, ports, null);
  }

  /**
   * With a clock of the test's own in place of the system clock, so deadlines can be reached at
   * will, and any further settings as command-line arguments.
   */
  static Tracker start(Path dataDir, Ports ports, Clock clock, String... settings) {
    SpringApplicationBuilder builder = new SpringApplicationBuilder(AppealTrackerApplication.class);
    if (clock != null) {
      builder.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
    }
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + ports.http(),
        "--appeals.data-dir=" + dataDir,
        "--appeals.embedded-kafka.port=" + ports.kafka(),
        "--appeals.embedded-kafka.controller-port=" + ports.controller(),
        "--appeals.partitions=3",
        "--appeals.command-timeout=30s",
        "--spring.main.banner-mode=off"));
    args.addAll(List.of(settings));
    ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
    KafkaStreams streams = context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
    Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    return new Tracker(ports, context, dataDir);
  }

  Path dataDir() {
    return dataDir;
  }

  String bootstrapServers() {
    return "localhost:" + ports.kafka();
  }

  URI baseUri() {
    return URI.create("http://localhost:" + ports.http());
  }

  /** A client signed in with the API key the first start made for {@code name} (admin, monitor, kiosk-01, or a department id). */
  AppealClient as(String name) {
    return new AppealClient(baseUri(), Credential.apiKey(key(name)));
  }

  /** A client signed in as the enterprise that holds this receipt. */
  AppealClient enterprise(Receipt receipt) {
    return new AppealClient(baseUri(), receipt.enterpriseCredential());
  }

  /** A raw request to {@code path}, signed in as {@code name}. */
  HttpRequest.Builder request(String name, String path) {
    return HttpRequest.newBuilder(baseUri().resolve(path)).header("X-API-Key", key(name));
  }

  /** The first start's API key of {@code name}, read from the credentials file it wrote. */
  String key(String name) {
    if (keys == null) {
      keys = FirstCredentialsFile.read(dataDir.resolve("credentials.txt"));
    }
    String key = keys.get(name);
    if (key == null) {
      throw new IllegalArgumentException("No first-start key for " + name);
    }
    return key;
  }

  /** The sum of a counter over all its tags, as Micrometer holds it. */
  double metric(String name) {
    return context.getBean(MeterRegistry.class).find(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  @Override
  public void close() {
    context.close();
  }

  /**
   * A port below Linux's ephemeral range (32768 and up), so an outgoing connection of some client
   * cannot take it between the choice and the start of the process that listens on it.
   */
  private static int freePort() {
    while (true) {
      int candidate = 20_000 + RANDOM.nextInt(12_000);
      try (ServerSocket socket = new ServerSocket(candidate)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
  }

}
