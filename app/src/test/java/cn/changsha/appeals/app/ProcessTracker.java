package cn.changsha.appeals.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The all-in-one jar as an operator runs it: a separate JVM, on its own data directory and ports,
 * that can be killed with SIGKILL and started again. Ready means {@code /actuator/health/readiness}
 * answers 200, i.e. Kafka Streams is RUNNING.
 */
final class ProcessTracker implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path jar;
  private final Path dataDir;
  private final Tracker.Ports ports;
  private final List<String> settings;
  private final Map<String, String> environment = new java.util.HashMap<>();
  private Process process;
  private Path log;
  private Map<String, String> keys;
  private int starts;

  ProcessTracker(Path dataDir, Tracker.Ports ports, String... settings) {
    this.jar = Path.of(System.getProperty("appeals.jar", "target/appeal-tracker.jar")).toAbsolutePath();
    this.dataDir = dataDir;
    this.ports = ports;
    this.settings = List.of(settings);
    if (!Files.exists(jar)) {
      throw new IllegalStateException("Build the launcher first (mvn package): no " + jar);
    }
  }

  /** Starts the JVM and returns once it is ready, with how long that took. */
  Duration start() {
    Instant begin = Instant.now();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar.toString(),
        "--server.port=" + ports.http(), "--appeals.data-dir=" + dataDir,
        "--appeals.embedded-kafka.port=" + ports.kafka(), "--appeals.embedded-kafka.controller-port=" + ports.controller(),
        "--appeals.partitions=3", "--spring.main.banner-mode=off"));
    command.addAll(settings);
    try {
      Files.createDirectories(dataDir);
      log = dataDir.resolveSibling(dataDir.getFileName() + "-" + (++starts) + ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady(Duration.ofSeconds(180));
    return Duration.between(begin, Instant.now());
  }

  /** An environment variable for the next start, e.g. KAFKA_BOOTSTRAP_SERVERS. */
  ProcessTracker with(String variable, String value) {
    environment.put(variable, value);
    return this;
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye to the group. */
  void kill() {
    process.destroyForcibly();
    waitForExit(process);
  }

  /** SIGTERM; a stop that hangs fails the test after two minutes instead of hanging the build. */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        waitForExit(process);
        throw new IllegalStateException("The tracker did not stop within 2 minutes of SIGTERM; its log ends:\n" + tail(log, 40));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean ready() {
    try {
      HttpResponse<Void> readiness = HTTP.send(HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
      return readiness.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  URI baseUri() {
    return URI.create("http://localhost:" + ports.http());
  }

  String bootstrapServers() {
    return environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.kafka());
  }

  /** The API keys the first start wrote, by name. */
  synchronized Map<String, String> keys() {
    if (keys == null) {
      keys = FirstCredentialsFile.read(dataDir.resolve("credentials.txt"));
    }
    return keys;
  }

  private void awaitReady(Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (!ready()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The tracker exited with " + process.exitValue() + " before it was ready; its log ends:\n"
            + tail(log, 40));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("The tracker was not ready within " + within + "; its log ends:\n" + tail(log, 80));
      }
      pause(Duration.ofMillis(200));
    }
  }

  static void waitForExit(Process process) {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      stop();
    }
  }
}
