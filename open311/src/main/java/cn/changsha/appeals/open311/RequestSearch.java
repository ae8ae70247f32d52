package cn.changsha.appeals.open311;

import cn.changsha.appeals.query.AppealFilter;
import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.streams.AppealIds;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters of GET requests, as the standard has them. {@code service_request_id} (comma
 * separated) overrides every other filter. Otherwise requests received between {@code start_date}
 * and {@code end_date}, at most 90 days apart; without either, the last 90 days; with one, 90
 * days from or up to it. {@code service_code} and {@code status} take comma-separated lists. At
 * most 1,000 requests are answered, the newest first.
 */
record RequestSearch(List<String> trackingNumbers, AppealFilter filter) {

  static final Duration LONGEST_WINDOW = Duration.ofDays(90);
  static final int MOST_RESULTS = 1000;
  /** Each is a lookup, possibly on another instance; a client wanting more lists by date. */
  static final int MOST_IDS = 100;

  static RequestSearch read(Function<String, String> parameter, ServiceCatalog catalog, Instant now) {
    String ids = blankAsNull(parameter.apply("service_request_id"));
    if (ids != null) {
      List<String> trackingNumbers = new ArrayList<>(new LinkedHashSet<>(commaList(ids).stream()
          .map(String::toUpperCase).filter(AppealIds::isTrackingNumber).toList()));
      if (commaList(ids).size() > MOST_IDS) {
        throw GeoReportException.badRequest("service_request_id lists more than " + MOST_IDS + " ids");
      }
      return new RequestSearch(trackingNumbers, null);
    }
    List<String> problems = new ArrayList<>();
    Instant start = time(parameter.apply("start_date"), "start_date", problems);
    Instant end = time(parameter.apply("end_date"), "end_date", problems);
    Set<AppealStatus> statuses = statuses(parameter.apply("status"), problems);
    if (!problems.isEmpty()) {
      throw GeoReportException.badRequest(problems);
    }
    if (start == null && end == null) {
      end = now;
    }
    start = start == null ? end.minus(LONGEST_WINDOW) : start;
    end = end == null ? start.plus(LONGEST_WINDOW) : end;
    if (end.isBefore(start)) {
      throw GeoReportException.badRequest("end_date is before start_date");
    }
    if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
      throw GeoReportException.badRequest("start_date and end_date may not span more than 90 days");
    }
    Set<String> categories = new LinkedHashSet<>();
    String codes = blankAsNull(parameter.apply("service_code"));
    if (codes != null) {
      commaList(codes).forEach(code -> categories.add(catalog.known(code).code()));
    }
    return new RequestSearch(List.of(), new AppealFilter(start, end, categories, statuses, MOST_RESULTS));
  }

  private static Instant time(String value, String name, List<String> problems) {
    if (blankAsNull(value) == null) {
      return null;
    }
    try {
      OffsetDateTime time = OffsetDateTime.parse(value.strip());
      if (time.getYear() < 2000 || time.getYear() > 2099) {
        problems.add(name + " must fall in 2000-2099");
        return null;
      }
      return time.toInstant();
    } catch (DateTimeParseException e) {
      problems.add(name + " must be a w3 date and time with its time zone, e.g. 2026-11-01T00:00:00+08:00");
      return null;
    }
  }

  private static Set<AppealStatus> statuses(String value, List<String> problems) {
    Set<AppealStatus> statuses = EnumSet.noneOf(AppealStatus.class);
    if (blankAsNull(value) == null) {
      return statuses;
    }
    for (String code : commaList(value)) {
      RequestStatus.byCode(code).ifPresentOrElse(s -> statuses.addAll(s.statuses()),
          () -> problems.add("status " + GeoReportException.quoted(code) + " is neither open nor closed"));
    }
    return statuses;
  }

  private static List<String> commaList(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
