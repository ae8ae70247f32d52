package cn.changsha.appeals.app.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Kafka broker in KRaft combined mode (broker and controller in one), running
 * inside this JVM with its log on disk. The directory is formatted once; after that every start
 * reopens the same log, so a restart (even after {@code kill -9}) loses nothing that was acknowledged.
 */
public final class InProcessKafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InProcessKafkaBroker.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER = "CONTROLLER";
  private static final int SEGMENT_BYTES = 16 * 1024 * 1024;

  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  public InProcessKafkaBroker(Path logDir, int port, int controllerPort) {
    this.logDir = logDir.toAbsolutePath();
    this.port = port == 0 ? freePort() : port;
    this.controllerPort = controllerPort == 0 ? freePort() : controllerPort;
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public synchronized InProcessKafkaBroker start() {
    Instant begin = Instant.now();
    ensurePortsFree();
    Map<String, Object> config = config();
    if (!formatOnce(config) && StaleRegistrationFence.needed(logDir)) {
      StaleRegistrationFence.fence(config, CONTROLLER, controllerPort);
    }
    server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
    server.startup();
    log.info("In-process Kafka broker ready on {} in {} ms, log in {}",
        bootstrapServers(), Duration.between(begin, Instant.now()).toMillis(), logDir);
    return this;
  }

  /** Fails at once, with what to do, when another process holds the broker's or the controller's port. */
  public void ensurePortsFree() {
    ensurePortFree(port);
    ensurePortFree(controllerPort);
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
      log.info("In-process Kafka broker stopped");
    }
  }

  private Map<String, Object> config() {
    Map<String, Object> c = new HashMap<>();
    c.put("process.roles", "broker,controller");
    c.put("node.id", String.valueOf(NODE_ID));
    c.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    c.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER + "://localhost:" + controllerPort);
    c.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    c.put("controller.listener.names", CONTROLLER);
    c.put("inter.broker.listener.name", "PLAINTEXT");
    c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    c.put("log.dirs", logDir.toString());
    c.put("offsets.topic.replication.factor", "1");
    c.put("offsets.topic.num.partitions", "6");
    c.put("transaction.state.log.replication.factor", "1");
    c.put("transaction.state.log.min.isr", "1");
    c.put("transaction.state.log.num.partitions", "6");
    c.put("share.coordinator.state.topic.replication.factor", "1");
    c.put("share.coordinator.state.topic.min.isr", "1");
    c.put("min.insync.replicas", "1");
    c.put("group.initial.rebalance.delay.ms", "0");
    // The cleaner's map of keys lives on the application's heap here: Kafka's 128 MB default was a
    // sixth of a 768 MB heap; 32 MB still holds 1.4 million keys per pass, a partition's worth.
    c.put("log.cleaner.dedupe.buffer.size", String.valueOf(32 * 1024 * 1024));
    // After a crash the broker reads back every segment still open, to check it and to rebuild the
    // state of its transactional producers; a segment is flushed and its producers' state saved
    // when it closes. With Kafka's 1 GiB segments a million appeals left gigabytes open: the broker
    // took 20-21 s to start after a kill, against 12 s when killed again just after that start.
    // At 64 MiB each department's topic was still one open segment, read again in full after every
    // crash: those were the slowest partitions to load.
    c.put("log.segment.bytes", String.valueOf(SEGMENT_BYTES));
    // Topics are created on purpose, with the partitions and retention they need.
    c.put("auto.create.topics.enable", "false");
    return c;
  }

  /** True when the directory was new and has just been formatted. */
  private boolean formatOnce(Map<String, Object> config) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return false;
    }
    try {
      Files.createDirectories(logDir);
      new Formatter()
          .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(NODE_ID)
          .setDirectories(Set.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName(CONTROLLER)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .run();
      log.info("Formatted a new Kafka log directory {}", logDir);
      return true;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format Kafka log directory " + logDir, e);
    }
  }

  private static void ensurePortFree(int port) {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress("localhost", port), 200);
    } catch (IOException free) {
      return;
    }
    throw new IllegalStateException("Port " + port + " is in use: is another appeal tracker or Kafka running? "
        + "Set KAFKA_BOOTSTRAP_SERVERS to use it, or appeals.embedded-kafka.port to pick another port.");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
