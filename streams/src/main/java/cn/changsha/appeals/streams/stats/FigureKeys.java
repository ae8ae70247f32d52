package cn.changsha.appeals.streams.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How the kept figures are keyed. A group is a scope and its names ({@code dept|430104-ENV},
 * {@code district|430104}, {@code month|2026-03|430104-ENV}, {@code overview|all}); a figure is a
 * group and a measure ({@code dept|430104-ENV|received}). The store keeps each group's figures in one
 * record ({@link #recordKey}), so a prefix scan reads a scope a group at a time. Names never contain {@code |}: department ids, district codes, months, tracking
 * numbers and dates are all plain.
 */
public final class FigureKeys {

  public static final String DEPARTMENTS = "dept";
  public static final String DISTRICTS = "district";
  public static final String MONTHS = "month";
  /** The dashboard's group: one for the whole city. */
  public static final String OVERVIEW = "overview|all";
  public static final String OVERDUE = "overdue";
  public static final String ESCALATED = "escalated";
  private static final String DUE = "due";
  private static final String AGE = "age";

  public static final String RECEIVED = "received";
  public static final String OPEN = "open";
  public static final String RESOLVED = "resolved";
  public static final String RESPONDED = "responded";
  public static final String FIRST_RESPONSE = "firstResponse";
  public static final String RESOLUTION = "resolution";
  public static final String ON_TIME = "OnTime";
  public static final String LATE = "Late";
  public static final String RATINGS = "ratings";
  public static final String RATING_SUM = "ratingSum";
  public static final String SATISFIED = "satisfied";
  public static final String WARNINGS = "warnings";
  public static final String BREACHES = "breaches";
  public static final String ESCALATIONS = "escalations";
  public static final String EFFICIENCY_CENTER = "efficiencyCenter";
  /** Appeals the department has held at some time: it appears in the statistics once it has held one. */
  public static final String HOLDERS = "holders";
  public static final String HELD_MILLIS = "heldMillis";
  /** Followed by a date: stretches of held time still running that started that day, and their offsets into it. */
  public static final String RUNNING = "running@";
  public static final String RUNNING_OFFSET = "runningOffset@";
  public static final String TO_ACKNOWLEDGE = "toAcknowledge";
  public static final String ABOUT_TO_BREACH = "aboutToBreach";
  public static final String BREACHED = "breached";

  /** Open appeals are counted by the ten minutes they were submitted in, so ages are read to within ten minutes. */
  public static final Duration AGE_STEP = Duration.ofMinutes(10);

  /** Written once a task's figures include every appeal it held before figures were kept. */
  public static final String COMPLETE = "figures|complete";

  private FigureKeys() {}

  public static String department(String departmentId) {
    return DEPARTMENTS + "|" + departmentId;
  }

  public static String district(String district) {
    return DISTRICTS + "|" + district;
  }

  public static String month(YearMonth month, String departmentId) {
    return MONTHS + "|" + month + "|" + departmentId;
  }

  /**
   * The store record a figure is kept in: the figures of a department, district, month or the
   * dashboard together, one record per group, so a scope is read a record per group; the rest
   * (due dates, ages, the monthly lists) one record each, under the empty measure name.
   */
  public static String recordKey(String key) {
    return grouped(key) ? key.substring(0, key.lastIndexOf('|')) : key;
  }

  /** The name a figure has within its record. */
  public static String nameInRecord(String key) {
    return grouped(key) ? key.substring(key.lastIndexOf('|') + 1) : "";
  }

  /** The figure's key from its record's key and its name within it. */
  public static String figureKey(String recordKey, String name) {
    return name.isEmpty() ? recordKey : recordKey + "|" + name;
  }

  private static boolean grouped(String key) {
    return key.startsWith(DEPARTMENTS + "|") || key.startsWith(DISTRICTS + "|") || key.startsWith(MONTHS + "|")
        || key.startsWith(OVERVIEW + "|");
  }

  public static String measure(String group, String measure) {
    return group + "|" + measure;
  }

  /** An appeal named in a department's line of a monthly report: {@link #OVERDUE} or {@link #ESCALATED}. */
  public static String listed(String list, YearMonth month, String departmentId, String trackingNumber) {
    return list + "|" + month + "|" + departmentId + "|" + trackingNumber;
  }

  public static String listPrefix(String list, YearMonth month) {
    return list + "|" + month + "|";
  }

  /** Open appeals whose running clock falls due on {@code day} and has not been breached. */
  public static String due(LocalDate day) {
    return DUE + "|" + day;
  }

  public static String ageStep(Instant submittedAt) {
    return AGE + "|" + String.format("%012d", submittedAt.toEpochMilli() / AGE_STEP.toMillis());
  }

  public static boolean isAgeStep(String key) {
    return key.startsWith(AGE + "|");
  }

  /** The start of the step an {@link #ageStep} key names. */
  public static Instant ageStepStart(String key) {
    return Instant.ofEpochMilli(Long.parseLong(key.substring(AGE.length() + 1)) * AGE_STEP.toMillis());
  }

  /** The name of the group a figure belongs to, within the scope its key starts with. */
  public static String groupName(String key, String scopePrefix) {
    return key.substring(scopePrefix.length(), key.lastIndexOf('|'));
  }

  public static String measureOf(String key) {
    return key.substring(key.lastIndexOf('|') + 1);
  }
}
