package cn.changsha.appeals.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The other instances of the application, as Kafka Streams knows them: who holds a key, who holds
 * part of a store, and how to ask them (their {@code /internal/...} endpoints).
 */
@Component
public class Peers {

  private static final StringSerializer KEYS = new StringSerializer();

  private final Supplier<HostInfo> self;
  private final StreamsBuilderFactoryBean streams;
  private final RestClient http;

  public Peers(KafkaStreamsInteractiveQueryService queries, StreamsBuilderFactoryBean streams, RestClient peerClient) {
    // Read once: the service copies the whole Streams configuration to answer it, on every read.
    this.self = SingletonSupplier.of(queries::getCurrentKafkaStreamsApplicationHostInfo);
    this.streams = streams;
    this.http = peerClient;
  }

  /**
   * Which instance, and which partition, hold {@code key} of {@code store}. While the instances
   * rebalance no one holds it: a read to retry.
   */
  public KeyQueryMetadata holderOf(String store, String key) {
    KeyQueryMetadata holder = kafkaStreams().queryMetadataForKey(store, key, KEYS);
    if (HostInfo.unavailable().equals(holder.activeHost())) {
      throw new InvalidStateStoreException("No instance holds " + store + " for this key yet: the instances are rebalancing");
    }
    return holder;
  }

  /** The instance holding the key, or empty if it is this one. */
  public Optional<HostInfo> remote(KeyQueryMetadata holder) {
    HostInfo owner = holder.activeHost();
    return owner.equals(self.get()) ? Optional.empty() : Optional.of(owner);
  }

  /** One object from a peer; empty if the peer answers 404. */
  public <T> Optional<T> fetch(HostInfo host, String path, Class<T> type, Object... uriVariables) {
    try {
      return Optional.ofNullable(http.get().uri(url(host, path), uriVariables).retrieve().body(type));
    } catch (HttpClientErrorException.NotFound e) {
      return Optional.empty();
    } catch (RestClientException e) {
      throw unavailable(host, e);
    }
  }

  /** Every instance's part of a store: this one's read locally, the others' through {@code path}. */
  public <T> List<T> gather(String store, Supplier<List<T>> local, String path,
      ParameterizedTypeReference<List<T>> type, Object... uriVariables) {
    Collection<StreamsMetadata> holders = kafkaStreams().streamsMetadataForStore(store);
    if (holders.isEmpty()) {
      // Until its first assignment an instance knows of no holder at all: an empty answer would
      // read as "no appeals" (statistics of zero were answered 200 during a restart).
      throw new InvalidStateStoreException("No instance holds " + store + " yet: Kafka Streams is starting or rebalancing");
    }
    HostInfo self = this.self.get();
    List<T> all = new ArrayList<>();
    for (StreamsMetadata instance : holders) {
      HostInfo host = instance.hostInfo();
      if (host.equals(self)) {
        all.addAll(local.get());
      } else {
        try {
          all.addAll(http.get().uri(url(host, path), uriVariables).retrieve().body(type));
        } catch (RestClientException e) {
          throw unavailable(host, e);
        }
      }
    }
    return all;
  }

  private static String url(HostInfo host, String path) {
    return "http://" + host.host() + ":" + host.port() + path;
  }

  private static ResponseStatusException unavailable(HostInfo host, Exception cause) {
    return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
        "The instance holding this data (" + host.host() + ":" + host.port() + ") did not answer", cause);
  }

  private KafkaStreams kafkaStreams() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Kafka Streams is not running yet");
    }
    return kafkaStreams;
  }
}
