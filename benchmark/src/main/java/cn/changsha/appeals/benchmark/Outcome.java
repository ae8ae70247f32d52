package cn.changsha.appeals.benchmark;

/** How one request of a load ended: as hoped, or with a reason that is counted, not timed. */
record Outcome(boolean ok, String error) {

  static final Outcome OK = new Outcome(true, null);

  static Outcome failed(String reason) {
    return new Outcome(false, reason);
  }
}
