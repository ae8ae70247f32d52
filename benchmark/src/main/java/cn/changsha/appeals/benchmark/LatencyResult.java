package cn.changsha.appeals.benchmark;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * One open-loop load's outcome. The histogram holds the answered requests and the abandoned ones
 * (at their age when given up on); a percentile that may fall among the abandoned is only a lower
 * bound and is printed with "≥".
 */
record LatencyResult(
    String name, double offeredRate, Duration duration, long intended, long ok, Map<String, Long> errors,
    long abandoned, Histogram micros, double achievedRate) {

  long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  long valueAt(double percentile) {
    return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile);
  }

  boolean lowerBound(double percentile) {
    long counted = micros.getTotalCount();
    return abandoned > 0 && abandoned >= counted * (1 - percentile / 100.0);
  }

  String at(double percentile) {
    if (micros.getTotalCount() == 0) {
      return "n/a";
    }
    return (lowerBound(percentile) ? "≥ " : "") + Latencies.millis(valueAt(percentile));
  }

  String max() {
    return micros.getTotalCount() == 0 ? "n/a" : (abandoned > 0 ? "≥ " : "") + Latencies.millis(micros.getMaxValue());
  }

  /** Met only if there was something to measure, nothing failed or was abandoned beyond the percentile, and it is fast enough. */
  boolean meets(double percentile, Duration limit) {
    return micros.getTotalCount() > 0 && !lowerBound(percentile) && errorCount() <= intended * (1 - percentile / 100.0)
        && valueAt(percentile) <= limit.toNanos() / 1000;
  }

  String failures() {
    if (errors.isEmpty() && abandoned == 0) {
      return "0";
    }
    String listed = errors.entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
        .collect(Collectors.joining("; "));
    if (abandoned > 0) {
      listed = (listed.isEmpty() ? "" : listed + "; ") + String.format(Locale.ROOT, "%,d unanswered, given up", abandoned);
    }
    return listed;
  }

  String offered() {
    return String.format(Locale.ROOT, "%,.0f/s", offeredRate);
  }

  String achieved() {
    return String.format(Locale.ROOT, "%,.0f/s", achievedRate);
  }
}
