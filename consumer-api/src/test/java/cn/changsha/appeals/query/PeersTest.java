package cn.changsha.appeals.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.web.client.RestClient;

/**
 * Kafka Streams started but not yet assigned its partitions (here: its broker is not up yet, as when
 * an instance restarts after a crash) knows of no instance holding a store. A read gathered from
 * every holder must then be refused, not answered from none of them: statistics of zero appeals.
 */
class PeersTest {

  @TempDir Path stateDir;

  @Test
  void aStoreNoInstanceHoldsYetIsRefusedInsteadOfReadAsEmpty() throws Exception {
    StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(settings()));
    factory.setCloseTimeout(1);
    factory.afterPropertiesSet();
    StreamsBuilder builder = factory.getObject();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("figures"), Serdes.String(), Serdes.String()));
    builder.stream("commands", Consumed.with(Serdes.String(), Serdes.String()))
        .process(() -> new Processor<String, String, Void, Void>() {
          @Override
          public void process(Record<String, String> record) {
          }
        }, "figures");
    factory.afterSingletonsInstantiated(); // builds the topology, as the application context would
    factory.start();
    try {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> factory.getKafkaStreams().state() == KafkaStreams.State.REBALANCING);
      Peers peers = new Peers(new KafkaStreamsInteractiveQueryService(factory), factory, RestClient.create());

      assertThat(factory.getKafkaStreams().streamsMetadataForStore("figures")).as("no holder known yet").isEmpty();
      assertThatThrownBy(() -> peers.gather("figures", () -> List.of("this instance's part"), "/internal/figures",
          new ParameterizedTypeReference<List<String>>() {}))
          .isInstanceOf(InvalidStateStoreException.class);
    } finally {
      factory.stop();
    }
  }

  private Map<String, Object> settings() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, Object> settings = new HashMap<>();
    settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "peers-test");
    settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + closedPort);
    settings.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:8080");
    settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return settings;
  }
}
