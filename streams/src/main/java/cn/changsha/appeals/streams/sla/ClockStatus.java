package cn.changsha.appeals.streams.sla;

import cn.changsha.appeals.schema.SlaClock;

/** How one SLA clock stands: the single place that decides what "on time" means. */
public enum ClockStatus {
  /** Still running, not yet due. */
  RUNNING,
  /** Stopped by its due time. */
  MET,
  /** Stopped after its due time. */
  LATE,
  /** Still running after its due time. */
  BREACHED;

  public static ClockStatus of(SlaClock c) {
    if (c.getStoppedAt() != null) {
      return c.getStoppedAt() <= c.getDueAt().toEpochMilli() ? MET : LATE;
    }
    return c.getBreachedAt() != null ? BREACHED : RUNNING;
  }

  /** true while the clock has not been stopped, within its target or past it. */
  public boolean running() {
    return this == RUNNING || this == BREACHED;
  }

  /** true if met, false if late or breached, null while still running within the target. */
  public Boolean onTime() {
    return this == RUNNING ? null : this == MET;
  }
}
