package cn.changsha.appeals.query;

import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.streams.view.AppealView;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;

/**
 * Which appeals a search wants: received within [{@code from}, {@code to}], of these categories and
 * statuses (empty: any), at most {@code limit} of them, the newest first. Applied on every instance
 * to its own appeals, so only the matches travel.
 */
public record AppealFilter(Instant from, Instant to, Set<String> categories, Set<AppealStatus> statuses, int limit) {

  /** Newest received first; the tracking number settles ties, so every instance cuts the same way. */
  public static final Comparator<AppealView> NEWEST_FIRST = Comparator.comparing(AppealView::submittedAt).reversed()
      .thenComparing(AppealView::trackingNumber);

  public AppealFilter {
    categories = Set.copyOf(categories);
    statuses = Set.copyOf(statuses);
    if (from.isAfter(to) || limit < 1) {
      throw new IllegalArgumentException("An empty window or no room for results: " + from + ".." + to + ", " + limit);
    }
  }

  public boolean matches(AppealState appeal) {
    Instant received = appeal.getSubmittedAt();
    return !received.isBefore(from) && !received.isAfter(to)
        && (categories.isEmpty() || categories.contains(appeal.getSubmission().getCategory()))
        && (statuses.isEmpty() || statuses.contains(appeal.getStatus()));
  }
}
