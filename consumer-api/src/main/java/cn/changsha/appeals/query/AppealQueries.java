package cn.changsha.appeals.query;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.streams.StoreNames;
import cn.changsha.appeals.streams.stats.Figures;
import cn.changsha.appeals.streams.view.AppealView;
import cn.changsha.appeals.streams.view.Times;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Service;

/**
 * Answers queries from whichever instance holds the data. An appeal lives on the instance that owns
 * its partition: asked here, we read locally or forward to the owner. A department's queue and the
 * statistics are spread over every partition: we ask each instance for its part and merge.
 */
@Service
public class AppealQueries {

  /** Pages up to this long are read at once; longer ones count as whole scans. */
  static final int FREELY_READ_PAGE = 200;

  private final LocalStores local;
  private final Peers peers;
  private final Clock clock;
  private final WholeScans wholeScans;

  public AppealQueries(LocalStores local, Peers peers, WholeScans wholeScans, Clock clock) {
    this.wholeScans = wholeScans;
    this.local = local;
    this.peers = peers;
    this.clock = clock;
  }

  public Optional<AppealView> appeal(String appealId) {
    return fromHolder(appealId, "/internal/appeals/{id}", AppealView.class, state -> Optional.of(AppealView.from(state)));
  }

  /** What an enterprise's sign-in is checked against; empty for an unknown appeal or one filed before receipts had secrets. */
  public Optional<String> receiptSecretHash(String appealId) {
    return fromHolder(appealId, "/internal/appeals/{id}/receipt", StoredHash.class, AppealQueries::receiptOf).map(StoredHash::hash);
  }

  public Optional<StoredHash> localReceipt(String appealId) {
    return localAppeal(appealId).flatMap(AppealQueries::receiptOf);
  }

  /** An appeal this instance holds, asked for by a peer. */
  public Optional<AppealState> localAppeal(String appealId) {
    return local.appeal(appealId, peers.holderOf(StoreNames.APPEAL_STATE, appealId).partition());
  }

  private static Optional<StoredHash> receiptOf(AppealState state) {
    return Optional.ofNullable(state.getSubmission().getReceiptSecretHash()).map(StoredHash::new);
  }

  /** Read here if this instance holds the appeal, else asked of the instance that does. */
  private <T> Optional<T> fromHolder(String appealId, String peerPath, Class<T> type, Function<AppealState, Optional<T>> here) {
    KeyQueryMetadata holder = peers.holderOf(StoreNames.APPEAL_STATE, appealId);
    return peers.remote(holder)
        .map(owner -> peers.fetch(owner, peerPath, type, appealId))
        .orElseGet(() -> local.appeal(appealId, holder.partition()).flatMap(here));
  }

  /** A receipt secret hash as one peer hands it to another. */
  public record StoredHash(String hash) {}

  /**
   * The {@code limit} most urgent open appeals of a department from every instance
   * ({@link QueueEntry#MOST_URGENT_FIRST}), and how many it has open in all.
   */
  public QueuePage queue(String departmentId, int limit) {
    List<QueuePage> parts = peers.gather(StoreNames.DEPARTMENT_QUEUE, () -> List.of(localQueue(departmentId, limit)),
        "/internal/departments/{id}/queue?limit={limit}", new ParameterizedTypeReference<List<QueuePage>>() {}, departmentId, limit);
    List<QueueEntry> merged = new ArrayList<>();
    parts.forEach(part -> merged.addAll(part.appeals()));
    merged.sort(QueueEntry.MOST_URGENT_FIRST);
    return new QueuePage(parts.stream().mapToLong(QueuePage::total).sum(), merged.subList(0, Math.min(limit, merged.size())));
  }

  /**
   * This instance's part of a department's queue: its most urgent {@code limit}, in order. A page
   * costs what its length does; only long ones wait for a turn among the whole scans.
   */
  public QueuePage localQueue(String departmentId, int limit) {
    Instant now = clock.instant();
    Supplier<QueuePage> read = () -> {
      LocalStores.QueuePart part = local.queue(departmentId, limit);
      return new QueuePage(part.total(), part.mostUrgent().stream().map(s -> QueueEntry.of(s, now)).toList());
    };
    return limit > FREELY_READ_PAGE ? wholeScans.run(read) : read.get();
  }

  /** Some of a department's queue, most urgent first, and how many appeals are open in it. */
  public record QueuePage(long total, List<QueueEntry> appeals) {}

  /** The appeals a search wants, gathered from every instance: the newest {@code filter.limit()} of them. */
  public List<AppealView> matching(AppealFilter filter) {
    List<AppealView> merged = new ArrayList<>(peers.gather(StoreNames.APPEAL_STATE, () -> localMatching(filter),
        "/internal/appeals?from={from}&to={to}&categories={categories}&statuses={statuses}&limit={limit}",
        new ParameterizedTypeReference<List<AppealView>>() {},
        filter.from(), filter.to(), String.join(",", filter.categories()),
        String.join(",", filter.statuses().stream().map(Enum::name).toList()), filter.limit()));
    merged.sort(AppealFilter.NEWEST_FIRST);
    return merged.subList(0, Math.min(filter.limit(), merged.size()));
  }

  /** This instance's matches, already cut to the limit: no instance can hold more of the newest than that. */
  public List<AppealView> localMatching(AppealFilter filter) {
    return wholeScans.run(() -> local.allAppeals().stream().filter(filter::matches).map(AppealView::from)
        .sorted(AppealFilter.NEWEST_FIRST).limit(filter.limit()).toList());
  }

  /** Which kept figures a statistics call reads. */
  public enum FigureView { DEPARTMENTS, DISTRICTS, MONTH, OVERVIEW }

  /** The kept figures of a view, added up over every instance (each holds the figures of its own appeals). */
  public Figures figures(FigureView view, YearMonth month) {
    return peers.gather(StoreNames.FIGURE_TALLIES, () -> List.of(localFigures(view, month)), "/internal/figures/{view}?month={month}",
        new ParameterizedTypeReference<List<Figures>>() {}, view, month == null ? "" : month.toString())
        .stream().reduce(Figures.NONE, Figures::plus);
  }

  public Figures localFigures(FigureView view, YearMonth month) {
    return local.figures(switch (view) {
      case DEPARTMENTS -> Figures.View.departments();
      case DISTRICTS -> Figures.View.districts();
      case MONTH -> Figures.View.month(month);
      case OVERVIEW -> Figures.View.overview(clock.instant(), Times.CHANGSHA);
    });
  }
}
