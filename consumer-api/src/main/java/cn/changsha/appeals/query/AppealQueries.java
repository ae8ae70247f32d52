package cn.changsha.appeals.query;

import cn.changsha.appeals.streams.StoreNames;
import cn.changsha.appeals.streams.calendar.BusinessCalendar;
import cn.changsha.appeals.streams.stats.AppealFacts;
import cn.changsha.appeals.streams.stats.Statistics;
import cn.changsha.appeals.streams.view.AppealView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers queries from whichever instance holds the data. An appeal lives on the instance that owns
 * its partition: asked here, we read locally or forward to the owner. A department's queue is
 * spread over every partition: we ask each instance for its part and merge.
 */
@Service
public class AppealQueries {

  private static final Comparator<QueueEntry> OLDEST_FIRST =
      Comparator.comparing(QueueEntry::submittedAt).thenComparing(QueueEntry::appealId);

  private final KafkaStreamsInteractiveQueryService queries;
  private final StreamsBuilderFactoryBean streams;
  private final LocalStores local;
  private final RestClient peers;
  private final Statistics statistics;

  public AppealQueries(KafkaStreamsInteractiveQueryService queries, StreamsBuilderFactoryBean streams,
      LocalStores local, RestClient peerClient, BusinessCalendar calendar) {
    this.queries = queries;
    this.streams = streams;
    this.local = local;
    this.peers = peerClient;
    this.statistics = new Statistics(calendar);
  }

  public Optional<AppealView> appeal(String appealId) {
    HostInfo owner = queries.getKafkaStreamsApplicationHostInfo(StoreNames.APPEAL_STATE, appealId, new StringSerializer());
    if (owner == null || owner.equals(queries.getCurrentKafkaStreamsApplicationHostInfo())) {
      return local.appeal(appealId).map(AppealView::from);
    }
    try {
      return Optional.ofNullable(peers.get().uri(url(owner, "/internal/appeals/{id}"), appealId).retrieve().body(AppealView.class));
    } catch (HttpClientErrorException.NotFound e) {
      return Optional.empty();
    } catch (RestClientException e) {
      throw unavailable(owner, e);
    }
  }

  public List<QueueEntry> queue(String departmentId) {
    HostInfo self = queries.getCurrentKafkaStreamsApplicationHostInfo();
    List<QueueEntry> merged = new ArrayList<>();
    for (HostInfo instance : instances()) {
      merged.addAll(instance.equals(self) ? localQueue(departmentId) : remoteQueue(instance, departmentId));
    }
    merged.sort(OLDEST_FIRST);
    return merged;
  }

  /** The statistics facts of every appeal, gathered from every instance. */
  public List<AppealFacts> allFacts() {
    List<AppealFacts> all = new ArrayList<>();
    for (HostInfo host : instances()) {
      if (host.equals(queries.getCurrentKafkaStreamsApplicationHostInfo())) {
        all.addAll(localFacts());
      } else {
        try {
          all.addAll(peers.get().uri(url(host, "/internal/facts")).retrieve()
              .body(new ParameterizedTypeReference<List<AppealFacts>>() {}));
        } catch (RestClientException e) {
          throw unavailable(host, e);
        }
      }
    }
    return all;
  }

  public List<AppealFacts> localFacts() {
    return statistics.facts(local.allAppeals());
  }

  private List<HostInfo> instances() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Kafka Streams is not running yet");
    }
    return kafkaStreams.streamsMetadataForStore(StoreNames.APPEAL_STATE).stream().map(StreamsMetadata::hostInfo).toList();
  }

  public List<QueueEntry> localQueue(String departmentId) {
    return local.queue(departmentId).stream().map(QueueEntry::of).toList();
  }

  private List<QueueEntry> remoteQueue(HostInfo host, String departmentId) {
    try {
      return peers.get().uri(url(host, "/internal/departments/{id}/queue"), departmentId).retrieve()
          .body(new ParameterizedTypeReference<List<QueueEntry>>() {});
    } catch (RestClientException e) {
      throw unavailable(host, e);
    }
  }

  private static String url(HostInfo host, String path) {
    return "http://" + host.host() + ":" + host.port() + path;
  }

  private static ResponseStatusException unavailable(HostInfo host, Exception cause) {
    return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
        "The instance holding this data (" + host.host() + ":" + host.port() + ") did not answer", cause);
  }
}
