package cn.changsha.appeals.streams.sla;

import cn.changsha.appeals.schema.SlaClockKind;
import java.time.Instant;

/** Something that must happen to an appeal at a given instant unless the appeal moves on first. */
public record SlaTimer(Instant at, SlaClockKind clock, Step step) {

  public enum Step {
    /** The share of the target has passed: the department head is told. */
    WARN,
    /** The target has passed: the deputy district head is told. */
    BREACH,
    /** One working day after the breach: the efficiency center is told. */
    ESCALATE
  }
}
