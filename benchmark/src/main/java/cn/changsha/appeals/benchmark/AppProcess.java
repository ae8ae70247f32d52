package cn.changsha.appeals.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The product as an operator runs it: {@code java -jar app/target/appeal-tracker.jar} in a JVM of
 * its own, on a data directory of its own and ports nobody else uses, so that it can be killed
 * with SIGKILL and started again on the same data. Ready means {@code /actuator/health/readiness}
 * answers 200, which the product gives only while Kafka Streams is RUNNING.
 */
final class AppProcess implements AutoCloseable {

  private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(1)).build();

  private final Path jar;
  private final Path dataDir;
  private final Path logDir;
  private final String heap;
  private final List<String> jvmOptions;
  private final int mallocArenas;
  private final int httpPort = freePort();
  private final int kafkaPort = freePort();
  private final int controllerPort = freePort();
  private Process process;
  private Path log;
  private int starts;
  private Map<String, String> keys;

  AppProcess(Path logDir, Settings settings) {
    this.mallocArenas = settings.mallocArenas();
    this.jar = settings.appJar().toAbsolutePath();
    this.dataDir = settings.dataDir().toAbsolutePath();
    this.logDir = logDir.toAbsolutePath();
    this.heap = settings.heap();
    this.jvmOptions = settings.jvmOptions();
  }

  /** Starts the product and waits until it is ready; returns how long that took. */
  Duration start(String... settings) {
    Instant begin = Instant.now();
    launch(settings);
    awaitReady(Duration.ofMinutes(30));
    return Duration.between(begin, Instant.now());
  }

  /** Starts the product without waiting for it. */
  void launch(String... settings) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(),
        "--appeals.embedded-kafka.port=" + kafkaPort, "--appeals.embedded-kafka.controller-port=" + controllerPort,
        "--spring.main.banner-mode=off"));
    command.addAll(List.of(settings));
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(logDir);
      log = logDir.resolve("app-" + (++starts) + ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("APPEALS_DATA_DIR", dataDir.toString());
      builder.environment().put("PORT", String.valueOf(httpPort));
      builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
      if (mallocArenas > 0) {
        builder.environment().put("MALLOC_ARENA_MAX", String.valueOf(mallocArenas));
      }
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + jar, e);
    }
    System.out.printf("  app started (pid %d, heap -Xmx%s, http %d, kafka %d), log %s%n", process.pid(), heap, httpPort, kafkaPort, log);
  }

  void awaitReady(Duration within) {
    Instant deadline = Instant.now().plus(within);
    Instant nextNote = Instant.now().plusSeconds(5);
    Instant begin = Instant.now();
    while (!ready()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The app exited with " + process.exitValue() + " before it was ready; see " + log);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("The app was not ready within " + within + "; see " + log);
      }
      if (Instant.now().isAfter(nextNote)) {
        System.out.printf("  waiting for readiness: %d s%n", Duration.between(begin, Instant.now()).toSeconds());
        nextNote = nextNote.plusSeconds(5);
      }
      Threads.sleep(Duration.ofMillis(100));
    }
  }

  /** Whether it answers ready within the given time (a JVM out of memory may be alive and answer nothing). */
  boolean readyWithin(java.time.Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (alive() && Instant.now().isBefore(deadline)) {
      if (ready()) {
        return true;
      }
      Threads.sleep(Duration.ofMillis(500));
    }
    return false;
  }

  boolean ready() {
    try {
      HttpResponse<Void> readiness = PROBE.send(HttpRequest.newBuilder(base().resolve("/actuator/health/readiness"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
      return readiness.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGKILL on Linux: no shutdown hook runs, nothing is flushed, the group is not told. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM: the product shuts down gracefully (Streams closes its tasks and checkpoints its stores). */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
        System.out.println("  the app did not stop within 120 s; killing it");
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void waitForExit() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  URI base() {
    return URI.create("http://localhost:" + httpPort);
  }

  String bootstrapServers() {
    return "localhost:" + kafkaPort;
  }

  Path dataDir() {
    return dataDir;
  }

  Path log() {
    return log;
  }

  /** The API keys the first start wrote to {@code <data-dir>/credentials.txt}, by name (admin, monitor, kiosk-01, department ids). */
  synchronized Map<String, String> keys() {
    if (keys == null) {
      Map<String, String> read = new HashMap<>();
      try {
        for (String line : Files.readAllLines(dataDir.resolve("credentials.txt"))) {
          if (!line.isBlank() && !line.startsWith("#")) {
            String[] fields = line.split("\t");
            read.put(fields[1], fields[3]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("No credentials written by the app's first start", e);
      }
      keys = read;
    }
    return keys;
  }

  /** A line of {@code /proc/<pid>/status} in kB, e.g. VmRSS (resident now) or VmHWM (the most it was). */
  long procStatusKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() {
    if (alive()) {
      stop();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
