package cn.changsha.appeals.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The Kafka broker in a JVM of its own ({@code StandaloneBroker} from the launcher jar), so it can be stopped under load. */
final class BrokerProcess implements AutoCloseable {

  private final Path jar = Path.of(System.getProperty("appeals.jar", "target/appeal-tracker.jar")).toAbsolutePath();
  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private Process process;
  private Path log;
  private int starts;

  BrokerProcess(Path dataDir, int port, int controllerPort) {
    this.dataDir = dataDir;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  String bootstrapServers() {
    return "localhost:" + port;
  }

  BrokerProcess start() {
    try {
      Files.createDirectories(dataDir);
      log = dataDir.resolveSibling(dataDir.getFileName() + "-" + (++starts) + ".log");
      process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
          "-cp", jar.toString(), "-Dloader.main=cn.changsha.appeals.app.broker.StandaloneBroker",
          "org.springframework.boot.loader.launch.PropertiesLauncher",
          dataDir.toString(), String.valueOf(port), String.valueOf(controllerPort)))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!listening()) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("The broker did not come up; its log ends:\n" + ProcessTracker.tail(log, 40));
      }
      ProcessTracker.pause(Duration.ofMillis(200));
    }
    return this;
  }

  void kill() {
    process.destroyForcibly();
    ProcessTracker.waitForExit(process);
  }

  void stop() {
    process.destroy();
    ProcessTracker.waitForExit(process);
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      stop();
    }
  }
}
