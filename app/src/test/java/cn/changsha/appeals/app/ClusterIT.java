package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.kiosk.AppealClient;
import cn.changsha.appeals.kiosk.Credential;
import cn.changsha.appeals.kiosk.Receipt;
import cn.changsha.appeals.streams.config.AppealStreamsConfiguration;
import cn.changsha.appeals.topics.Topic;
import cn.changsha.appeals.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import tools.jackson.databind.JsonNode;

/**
 * The deployment of {@code docker-compose.yml}, brought up by the test: three {@code apache/kafka}
 * brokers in KRaft mode (each broker and controller) on one Docker network, and two instances of
 * the application built from {@code app/Dockerfile}, sharing the work with standby replicas and
 * one cluster secret. An appeal filed through the first instance must be routed and readable
 * through both (one of the two reads is forwarded to the instance that holds it), every topic
 * must be on three brokers with {@code min.insync.replicas} 2, and both instances must serve
 * Prometheus metrics with the product's event counter.
 *
 * <p>Why the application runs as the image and not as JVMs of the test's own (as {@code FailoverIT}
 * does): the compose file's wiring is what is under test. The instances reach the brokers and each
 * other by the network's host names ({@code kafka-1}, {@code app-2}), as in the compose file, so a
 * forwarded query only works if the advertised host really is reachable; and the Dockerfile (user,
 * data directory, entry point) is exercised too. The image is built from only the Dockerfile and the
 * packaged jar, so the build context is the jar's size, not the working tree's; this is why the test
 * is a failsafe test, after {@code package}.
 *
 * <p>Why the brokers are Testcontainers' {@link KafkaContainer} and not plain containers configured
 * exactly like the compose services: the test JVM reaches the brokers from outside the Docker network
 * (to describe the topics), which needs a listener advertised with the port Docker maps, known only
 * once the container runs; {@link KafkaContainer} does that. Its listeners therefore differ from the
 * compose file's (host-mapped 9092, between brokers 9093, controllers 9094, and 19092 for the
 * instances on the network); the cluster settings that matter to the application are the compose
 * file's: cluster id, node ids, three voters, default replication factor 3, {@code min.insync.replicas}
 * 2, internal topics replicated three times, no automatic topic creation. The broker image's tag and
 * the cluster id are read from the compose file, so the two cannot drift apart.
 *
 * <p>Needs a Docker engine: without one JUnit skips it, saying so. It has not been run on the
 * machine it was written on (no engine there). Container logs go to {@code target/cluster-it/}.
 */
@Testcontainers(disabledWithoutDocker = true)
class ClusterIT {

  private static final int BROKERS = 3;
  private static final int APPEALS = 6;
  private static final String DEPARTMENT = "430104-ENV";
  /** As {@code app/Dockerfile} sets {@code APPEALS_DATA_DIR}. */
  private static final String DATA_DIR = "/srv/appeals/data";
  private static final Duration BOUND = Duration.ofSeconds(90);

  private final Path jar = Path.of(System.getProperty("appeals.jar", "target/appeal-tracker.jar")).toAbsolutePath();
  private final Path root = jar.getParent().getParent().getParent();
  private final Path logs = jar.getParent().resolve("cluster-it");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path workDir;

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void theComposeWiringFilesRoutesAndForwardsOnThreeBrokersWithTwoInstances() throws Exception {
    assertThat(jar).as("the packaged launcher (mvn package) that app/Dockerfile copies").exists();
    Files.createDirectories(logs);
    System.out.println("ClusterIT: container logs in " + logs);
    String secret = randomSecret();
    ImageFromDockerfile image = applicationImage();

    try (Network network = Network.newNetwork();
        KafkaContainer kafka1 = broker(1, network);
        KafkaContainer kafka2 = broker(2, network);
        KafkaContainer kafka3 = broker(3, network);
        GenericContainer<?> app1 = instance("app-1", image, network, secret);
        GenericContainer<?> app2 = instance("app-2", image, network, secret)) {
      List<KafkaContainer> brokers = List.of(kafka1, kafka2, kafka3);
      // The controllers need a majority of the voters to elect a leader: all three start at once.
      Startables.deepStart(brokers).get(5, TimeUnit.MINUTES);
      String bootstrap = brokers.stream().map(KafkaContainer::getBootstrapServers).collect(Collectors.joining(","));

      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
        Awaitility.await("all three brokers in the cluster").atMost(BOUND).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
            .until(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() == BROKERS);

        // As the README says for the compose file: the first instance's first start writes the
        // first keys; the second starts after it, finds them on their topic and writes none.
        app1.start();
        Map<String, String> keys = firstKeys(app1);
        app2.start();
        URI base1 = baseUri(app1);
        URI base2 = baseUri(app2);
        awaitReady(base1);
        awaitReady(base2);

        AppealClient kiosk = new AppealClient(base1, Credential.apiKey(keys.get("kiosk-01")));
        String run = UUID.randomUUID().toString();
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < APPEALS; i++) {
          String idempotencyKey = run + "-" + i;
          String title = "集群测试 " + i;
          // A retry with the same key files nothing new (it answers with the same appeal), so it
          // is safe while the group settles, and it turns a pending receipt into the routed one.
          Receipt receipt = eventually("filing appeal " + i + " through app-1", () -> {
            Receipt answer = kiosk.submit(Drafts.aikerui(title), idempotencyKey);
            if (!answer.routed()) {
              throw new IllegalStateException("pending: the topology has not answered yet");
            }
            return answer;
          });
          assertThat(receipt.departmentId()).isEqualTo(DEPARTMENT);
          receipts.add(receipt);
        }

        // Each appeal lives on one instance: of the two reads, one is answered locally and the
        // other forwarded to the holder over the network (advertised host app-N, port 8080).
        String monitorKey = keys.get("monitor");
        for (URI base : List.of(base2, base1)) {
          AppealClient monitor = new AppealClient(base, Credential.apiKey(monitorKey));
          for (Receipt receipt : receipts) {
            JsonNode appeal = eventually("reading " + receipt.appealId() + " through " + base, () -> monitor.appeal(receipt.appealId()));
            assertThat(appeal.path("trackingNumber").asString()).isEqualTo(receipt.trackingNumber());
            assertThat(appeal.path("status").asString()).as("status through %s", base).isEqualTo("ROUTED");
            assertThat(appeal.path("departmentId").asString()).isEqualTo(DEPARTMENT);
          }
        }
        // The department's queue is gathered from both instances.
        AppealClient monitor2 = new AppealClient(base2, Credential.apiKey(monitorKey));
        Set<String> queued = eventually("the queue through app-2", () -> {
          Set<String> ids = new HashSet<>();
          monitor2.queue(DEPARTMENT).path("appeals").forEach(a -> ids.add(a.path("appealId").asString()));
          return ids;
        });
        assertThat(queued).containsAll(receipts.stream().map(Receipt::appealId).toList());

        assertEveryTopicOnThreeBrokersWithMinIsrTwo(admin);

        // Metrics, as Prometheus scrapes them with a monitor's key. The event counter counts what
        // each instance's own tasks wrote, so the routed appeals add up over the two.
        double routed = 0;
        for (URI base : List.of(base1, base2)) {
          HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
              .header("X-API-Key", monitorKey).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
          assertThat(scrape.statusCode()).as("scrape of %s", base).isEqualTo(200);
          assertThat(scrape.body()).contains("kafka_stream_").contains("kafka_consumer_").contains("kafka_producer_");
          routed += counter(scrape.body(), "ROUTED");
        }
        assertThat(routed).as("appeals_events_total{type=\"ROUTED\"} summed over both instances").isGreaterThanOrEqualTo(APPEALS);
      }
    }
  }

  /** A broker as the compose file's kafka-N service sets it up, plus the listeners Testcontainers needs. */
  private KafkaContainer broker(int nodeId, Network network) {
    String name = "kafka-" + nodeId;
    String voters = IntStream.rangeClosed(1, BROKERS).mapToObj(n -> n + "@kafka-" + n + ":9094")
        .collect(Collectors.joining(","));
    return new KafkaContainer(kafkaImage())
        .withNetwork(network)
        .withNetworkAliases(name)
        .withCreateContainerCmdModifier(cmd -> cmd.withHostName(name))
        // The instances' bootstrap address on the network, advertised as such.
        .withListener(name + ":19092")
        .withEnv("CLUSTER_ID", fromCompose("CLUSTER_ID:\\s*(\\S+)"))
        .withEnv("KAFKA_NODE_ID", String.valueOf(nodeId))
        .withEnv("KAFKA_CONTROLLER_QUORUM_VOTERS", voters)
        .withEnv("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
        .withEnv("KAFKA_MIN_INSYNC_REPLICAS", "2")
        .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
        .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
        .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
        .withEnv("KAFKA_LOG_DIRS", "/var/lib/kafka/data")
        .withStartupTimeout(Duration.ofMinutes(3))
        .withLogConsumer(toFile(name));
  }

  /** An instance as the compose file's app-N service sets it up. */
  private GenericContainer<?> instance(String name, ImageFromDockerfile image, Network network, String secret) {
    String bootstrap = IntStream.rangeClosed(1, BROKERS).mapToObj(n -> "kafka-" + n + ":19092")
        .collect(Collectors.joining(","));
    return new GenericContainer<>(image)
        .withNetwork(network)
        .withNetworkAliases(name)
        .withCreateContainerCmdModifier(cmd -> cmd.withHostName(name))
        .withEnv("KAFKA_BOOTSTRAP_SERVERS", bootstrap)
        .withEnv("APPEALS_REPLICATION_FACTOR", "3")
        .withEnv("APPEALS_STANDBY_REPLICAS", "1")
        .withEnv("APPEALS_SECURITY_CLUSTER_SECRET", secret)
        .withEnv("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
        .withEnv("JAVA_TOOL_OPTIONS", "-Xms512m -Xmx1g")
        .withEnv("APPEALS_ADVERTISED_HOST", name)
        .withEnv("APPEALS_INSTANCE_ID", name)
        .withExposedPorts(8080)
        // Ready means Kafka Streams is RUNNING (readiness group of application.yml).
        .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(8080).forStatusCode(200)
            .withStartupTimeout(Duration.ofMinutes(4)))
        .withLogConsumer(toFile(name));
  }

  /**
   * The image of {@code app/Dockerfile}, its build context holding only what the Dockerfile copies
   * (the packaged jar), at the paths the compose file's context (the repository root) has them.
   */
  @SuppressWarnings("deprecation") // withDockerfile(Path) would send the Dockerfile's whole folder as the context
  private ImageFromDockerfile applicationImage() {
    return new ImageFromDockerfile()
        .withFileFromPath("app/Dockerfile", root.resolve("app/Dockerfile"))
        .withFileFromPath("app/target/appeal-tracker.jar", jar)
        .withDockerfilePath("app/Dockerfile");
  }

  /** The broker image the compose file names, e.g. {@code apache/kafka:4.1.1}. */
  private String kafkaImage() {
    return fromCompose("image:\\s*(apache/kafka:\\S+)");
  }

  /** The first group of {@code regex} in {@code docker-compose.yml}. */
  private String fromCompose(String regex) {
    try {
      Matcher found = Pattern.compile(regex).matcher(Files.readString(root.resolve("docker-compose.yml")));
      assertThat(found.find()).as("%s in docker-compose.yml", regex).isTrue();
      return found.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The API keys app-1's first start wrote into its data directory (only its own user may read the file). */
  private Map<String, String> firstKeys(GenericContainer<?> app) {
    Path copy = workDir.resolve("credentials.txt");
    app.copyFileFromContainer(DATA_DIR + "/credentials.txt", copy.toString());
    Map<String, String> keys = FirstCredentialsFile.read(copy);
    assertThat(keys).containsKeys("kiosk-01", "monitor");
    return keys;
  }

  /**
   * The application's topics (its own, the department queues, Kafka Streams' changelogs and
   * repartition topics, the webhook retries) and the brokers' internal ones: three replicas each,
   * and a write acknowledged once two hold it.
   */
  private static void assertEveryTopicOnThreeBrokersWithMinIsrTwo(Admin admin) throws Exception {
    Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
    assertThat(names).containsAll(Topics.all().stream().map(Topic::name).toList())
        .contains(Topics.departmentQueue(DEPARTMENT), "__consumer_offsets")
        .anyMatch(name -> name.startsWith(AppealStreamsConfiguration.APPLICATION_ID + "-") && name.endsWith("-changelog"));
    Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
    topics.values().forEach(topic -> topic.partitions().forEach(partition -> {
      assertThat(partition.replicas()).as("replicas of %s-%d", topic.name(), partition.partition()).hasSize(3);
      assertThat(partition.isr().size()).as("in-sync replicas of %s-%d", topic.name(), partition.partition()).isGreaterThanOrEqualTo(2);
    }));
    List<ConfigResource> own = names.stream().filter(name -> !name.startsWith("__"))
        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
    Map<ConfigResource, Config> configs = admin.describeConfigs(own).all().get(30, TimeUnit.SECONDS);
    configs.forEach((topic, config) -> assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value())
        .as("min.insync.replicas of %s", topic.name()).isEqualTo("2"));
  }

  /** The value of {@code appeals_events_total{type="..."}} in a scrape, 0 if this instance wrote none. */
  private static double counter(String scrape, String type) {
    Matcher line = Pattern.compile("^appeals_events_total\\{type=\"" + type + "\"} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
    return line.find() ? Double.parseDouble(line.group(1)) : 0;
  }

  private void awaitReady(URI base) {
    Awaitility.await(base + " ready").atMost(BOUND).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .until(() -> http.send(HttpRequest.newBuilder(base.resolve("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  /** Retries a call (a 503 while the group rebalances, say) until it answers, within {@link #BOUND}. */
  private static <T> T eventually(String what, Callable<T> call) throws InterruptedException {
    Instant deadline = Instant.now().plus(BOUND);
    Exception last;
    do {
      try {
        return call.call();
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(1_000);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(what + ": no answer within " + BOUND + "; the last try failed with " + last, last);
  }

  private static URI baseUri(GenericContainer<?> app) {
    return URI.create("http://" + app.getHost() + ":" + app.getMappedPort(8080));
  }

  private Consumer<OutputFrame> toFile(String name) {
    Path file = logs.resolve(name + ".log");
    Object lock = new Object();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return frame -> {
      if (frame.getType() == OutputFrame.OutputType.END) {
        return;
      }
      synchronized (lock) {
        try {
          Files.writeString(file, frame.getUtf8String(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
          // a lost log line must not fail the test
        }
      }
    };
  }

  private static String randomSecret() {
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
