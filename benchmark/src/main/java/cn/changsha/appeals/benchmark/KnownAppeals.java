package cn.changsha.appeals.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The appeals this run has put into the product, for the reads to ask for: the fill's, named by
 * number (their ids follow from it), and those filed over HTTP, kept as they come.
 */
final class KnownAppeals {

  private static final int KEPT_FILED = 200_000;

  private final Commands commands;
  private volatile long filled;
  private final List<String> filed = new ArrayList<>();

  KnownAppeals(Commands commands) {
    this.commands = commands;
  }

  void filled(long count) {
    filled = count;
  }

  long filledCount() {
    return filled;
  }

  synchronized void filed(String appealId) {
    if (filed.size() < KEPT_FILED) {
      filed.add(appealId);
    }
  }

  synchronized boolean isEmpty() {
    return filled == 0 && filed.isEmpty();
  }

  synchronized long count() {
    return filled + filed.size();
  }

  /** Any known appeal, each equally likely. */
  synchronized String any(Random random) {
    long pick = (long) (random.nextDouble() * (filled + filed.size()));
    return pick < filled ? commands.appealId(FillPlan.STAGE, pick) : filed.get((int) (pick - filled));
  }
}
