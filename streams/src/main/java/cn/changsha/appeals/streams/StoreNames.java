package cn.changsha.appeals.streams;

/** Names of the state stores, shared by the topology and the query API. */
public final class StoreNames {

  /** appealId → AppealState, the fold of each appeal's events. */
  public static final String APPEAL_STATE = "appeal-state";

  /**
   * Every open appeal under a key that sorts its department's queue most urgent first (see
   * {@code DepartmentQueueIndex.key}) → appealId; a prefix scan lists a queue in order.
   */
  public static final String DEPARTMENT_QUEUE = "department-queue";

  /** "dueAt|appealId|clock|step" → appealId for every SLA timer still to fire; scanned by range up to now. */
  public static final String SLA_TIMERS = "sla-timers";

  /**
   * Figures kept as events happen (see {@code stats.FigureKeys}): "scope|group" → its tallies by
   * measure, so statistics, reports and the dashboard read groups, not appeals.
   */
  public static final String FIGURE_TALLIES = "figure-tallies";

  /** "scope|group|firstResponse" or "|resolution" → HdrHistogram of working minutes. */
  public static final String FIGURE_MINUTES = "figure-minutes";

  /** "district|category" → HotspotWindow: how many appeals its window holds, for the hotspot detector. */
  public static final String HOTSPOT_WINDOWS = "hotspot-windows";

  /** "district|category|receivedAt|appealId" → nothing: one entry per appeal still in its pair's window. */
  public static final String HOTSPOT_RECEIPTS = "hotspot-receipts";

  /** Global table of ref-sla-policies. */
  public static final String SLA_POLICIES = "sla-policies";

  /** Global table of ref-liaisons. */
  public static final String LIAISONS = "liaisons";

  /** Global table of ref-departments. */
  public static final String DEPARTMENTS = "departments";

  /** Global table of ref-routing-rules. */
  public static final String ROUTING_RULES = "routing-rules";

  /** Global table of sec-api-keys: SHA-256 of a key → who holds it. */
  public static final String API_KEYS = "api-keys";

  private StoreNames() {}
}
