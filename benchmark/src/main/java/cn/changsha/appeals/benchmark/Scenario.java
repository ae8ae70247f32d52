package cn.changsha.appeals.benchmark;

/** The measurements of one run, in the order they run; names as given to {@code --skip} and {@code --only}. */
enum Scenario {
  BASELINE("1", "Baseline: pass-through topology"),
  TOPOLOGY("2", "The product's topology (and the fill)"),
  LATENCY("3", "End-to-end latency, open loop"),
  QUERIES("4", "Queries with the stores filled"),
  MEMORY("7", "Memory"),
  RECOVERY("5", "Recovery after kill -9"),
  DEADLINES("6", "Deadlines");

  final String number;
  final String title;

  Scenario(String number, String title) {
    this.number = number;
    this.title = title;
  }
}
