package cn.changsha.appeals.streams;

/** Names of the state stores, shared by the topology and the query API. */
public final class StoreNames {

  /** appealId → AppealState, the fold of each appeal's events. */
  public static final String APPEAL_STATE = "appeal-state";

  /** "departmentId|submittedAt|appealId" → appealId for every open appeal; a prefix scan lists a queue in order. */
  public static final String DEPARTMENT_QUEUE = "department-queue";

  /** Global table of ref-departments. */
  public static final String DEPARTMENTS = "departments";

  /** Global table of ref-routing-rules. */
  public static final String ROUTING_RULES = "routing-rules";

  private StoreNames() {}
}
