package cn.changsha.appeals.query;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.query.QueueEntry.Urgency;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.schema.AppealSubmission;
import cn.changsha.appeals.schema.Channel;
import cn.changsha.appeals.schema.Enterprise;
import cn.changsha.appeals.schema.Priority;
import cn.changsha.appeals.schema.SlaClock;
import cn.changsha.appeals.schema.SlaClockKind;
import cn.changsha.appeals.schema.SlaState;
import cn.changsha.appeals.streams.lifecycle.DepartmentQueueIndex;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Urgency and order of queue entries, on appeal states built by hand as the event fold leaves them. */
class QueueEntryTest {

  static final ZoneId CHANGSHA = ZoneId.of("Asia/Shanghai");
  static final Instant NOW = at("2026-03-03T10:00");

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(CHANGSHA).toInstant();
  }

  static OffsetDateTime local(String local) {
    return LocalDateTime.parse(local).atZone(CHANGSHA).toOffsetDateTime();
  }

  static SlaClock.Builder clock(String startedAt, String warnAt, String dueAt) {
    return SlaClock.newBuilder().setStartedAt(at(startedAt)).setWarnAt(at(warnAt)).setDueAt(at(dueAt));
  }

  static SlaState sla(SlaClock.Builder firstResponse, SlaClock.Builder resolution) {
    return SlaState.newBuilder().setPriority(Priority.NORMAL).setPolicyId("normal")
        .setFirstResponse(firstResponse.build()).setResolution(resolution.build()).build();
  }

  /** First response due at the close of Wednesday, resolution ten working days on; both running. */
  static SlaState fresh() {
    return sla(clock("2026-03-03T09:00", "2026-03-04T11:00", "2026-03-04T17:30"),
        clock("2026-03-03T09:00", "2026-03-13T11:00", "2026-03-17T17:30"));
  }

  static AppealState appeal(String trackingNumber, AppealStatus status, String submittedAt, SlaState sla) {
    return AppealState.newBuilder()
        .setAppealId("id-" + trackingNumber)
        .setTrackingNumber(trackingNumber)
        .setStatus(status)
        .setSubmission(AppealSubmission.newBuilder()
            .setEnterprise(new Enterprise("湖南星城智能制造有限公司", "91350100M000100Y43", "王女士", "0731-88888888", null))
            .setDistrict("430104").setCategory("ENVIRONMENT").setTitle("环评").setDescription("请协助")
            .setChannel(Channel.KIOSK).build())
        .setSubmittedAt(at(submittedAt))
        .setUpdatedAt(at(submittedAt))
        .setDepartmentId("430104-ENV")
        .setSla(sla)
        .setVersion(2)
        .build();
  }

  static QueueEntry entry(AppealStatus status, SlaState sla) {
    return QueueEntry.of(appeal("CS0000000001", status, "2026-03-03T09:00", sla), NOW);
  }

  @Test
  void aFreshAppealShowsItsFirstResponseClockOnTrack() {
    QueueEntry e = entry(AppealStatus.ROUTED, fresh());
    assertThat(e.urgency()).isEqualTo(Urgency.ON_TRACK);
    assertThat(e.dueClock()).isEqualTo(SlaClockKind.FIRST_RESPONSE);
    assertThat(e.nextDueAt()).isEqualTo(local("2026-03-04T17:30"));
    assertThat(e.nextDueAt().getOffset().getTotalSeconds()).as("Changsha time").isEqualTo(8 * 3600);
    assertThat(e.warnAt()).isEqualTo(local("2026-03-04T11:00"));
    assertThat(e.submittedAt()).isEqualTo(local("2026-03-03T09:00"));
  }

  @Test
  void anAcknowledgedAppealShowsItsResolutionClockEvenIfTheFirstResponseWasLate() {
    SlaState late = sla(clock("2026-03-02T09:00", "2026-03-02T15:00", "2026-03-02T17:30")
            .setStoppedAt(at("2026-03-03T09:30").toEpochMilli()).setWarned(true).setBreachedAt(at("2026-03-02T17:30").toEpochMilli()),
        clock("2026-03-02T09:00", "2026-03-12T11:00", "2026-03-16T17:30"));
    QueueEntry e = entry(AppealStatus.ACKNOWLEDGED, late);
    assertThat(e.dueClock()).isEqualTo(SlaClockKind.RESOLUTION);
    assertThat(e.nextDueAt()).isEqualTo(local("2026-03-16T17:30"));
    assertThat(e.warnAt()).isEqualTo(local("2026-03-12T11:00"));
    assertThat(e.urgency()).isEqualTo(Urgency.ON_TRACK);
  }

  @Test
  void warnedOrPastTheWarningTimeIsAWarning() {
    SlaState warned = sla(clock("2026-03-02T09:00", "2026-03-04T11:00", "2026-03-04T17:30").setWarned(true),
        clock("2026-03-02T09:00", "2026-03-12T11:00", "2026-03-16T17:30"));
    assertThat(entry(AppealStatus.ROUTED, warned).urgency()).isEqualTo(Urgency.WARNING);

    SlaState pastWarnAt = sla(clock("2026-03-02T09:00", "2026-03-03T10:00", "2026-03-03T17:30"),
        clock("2026-03-02T09:00", "2026-03-12T11:00", "2026-03-16T17:30"));
    assertThat(entry(AppealStatus.ROUTED, pastWarnAt).urgency()).as("the warning timer has not fired yet").isEqualTo(Urgency.WARNING);
  }

  @Test
  void breachedIsWhatTheClockStatusSays() {
    SlaState breached = sla(clock("2026-03-02T09:00", "2026-03-02T15:00", "2026-03-02T17:30")
            .setWarned(true).setBreachedAt(at("2026-03-02T17:30").toEpochMilli()),
        clock("2026-03-02T09:00", "2026-03-12T11:00", "2026-03-16T17:30"));
    QueueEntry e = entry(AppealStatus.ROUTED, breached);
    assertThat(e.urgency()).isEqualTo(Urgency.BREACHED);
    assertThat(e.dueClock()).isEqualTo(SlaClockKind.FIRST_RESPONSE);
    assertThat(e.nextDueAt()).isEqualTo(local("2026-03-02T17:30"));

    SlaState dueButNotYetRecorded = sla(clock("2026-03-02T09:00", "2026-03-02T15:00", "2026-03-03T09:59").setWarned(true),
        clock("2026-03-02T09:00", "2026-03-12T11:00", "2026-03-16T17:30"));
    assertThat(entry(AppealStatus.ROUTED, dueButNotYetRecorded).urgency())
        .as("a breach counts once recorded, as everywhere else").isEqualTo(Urgency.WARNING);
  }

  @Test
  void aPausedAppealHasNoRunningClockAndADueInstantThatWillMove() {
    SlaState paused = SlaState.newBuilder(fresh()).setPausedAt(at("2026-03-03T09:30").toEpochMilli()).build();
    QueueEntry e = entry(AppealStatus.AWAITING_INFO, paused);
    assertThat(e.urgency()).isEqualTo(Urgency.PAUSED);
    assertThat(e.nextDueAt()).isNull();
    assertThat(e.dueClock()).isNull();
    assertThat(e.warnAt()).isNull();
  }

  @Test
  void withoutClocksOrWithBothStoppedThereIsNone() {
    assertThat(entry(AppealStatus.ROUTED, null).urgency()).isEqualTo(Urgency.NONE);
    SlaState stopped = sla(clock("2026-03-02T09:00", "2026-03-02T15:00", "2026-03-02T17:30").setStoppedAt(at("2026-03-02T10:00").toEpochMilli()),
        clock("2026-03-02T09:00", "2026-03-12T11:00", "2026-03-16T17:30").setStoppedAt(at("2026-03-03T09:00").toEpochMilli()));
    QueueEntry e = entry(AppealStatus.RESOLVED, stopped);
    assertThat(e.urgency()).isEqualTo(Urgency.NONE);
    assertThat(e.nextDueAt()).isNull();
    assertThat(e.dueClock()).isNull();
  }

  /** A queue as a department should see it, most urgent first. */
  static List<AppealState> queueInOrder() {
    SlaState breachedLongAgo = sla(clock("2026-02-27T09:00", "2026-02-27T15:00", "2026-02-27T17:30")
            .setWarned(true).setBreachedAt(at("2026-02-27T17:30").toEpochMilli()),
        clock("2026-02-27T09:00", "2026-03-10T11:00", "2026-03-12T17:30"));
    SlaState breachedYesterday = sla(clock("2026-03-02T09:00", "2026-03-02T15:00", "2026-03-02T17:30")
            .setWarned(true).setBreachedAt(at("2026-03-02T17:30").toEpochMilli()),
        clock("2026-03-02T09:00", "2026-03-12T11:00", "2026-03-16T17:30"));
    SlaState warnedDueToday = sla(clock("2026-03-03T09:00", "2026-03-03T09:45", "2026-03-03T11:00").setWarned(true),
        clock("2026-03-03T09:00", "2026-03-13T11:00", "2026-03-17T17:30"));
    SlaState resolutionDueSoonest = sla(clock("2026-02-20T09:00", "2026-02-20T15:00", "2026-02-20T17:30")
            .setStoppedAt(at("2026-02-20T10:00").toEpochMilli()),
        clock("2026-02-20T09:00", "2026-03-03T09:30", "2026-03-03T15:00"));
    SlaState warnedDueLater = sla(clock("2026-03-03T09:00", "2026-03-03T09:45", "2026-03-05T17:30").setWarned(true),
        clock("2026-03-03T09:00", "2026-03-13T11:00", "2026-03-17T17:30"));
    SlaState paused = SlaState.newBuilder(fresh()).setPausedAt(at("2026-03-03T09:30").toEpochMilli()).build();

    return List.of(
        appeal("CS00000000B1", AppealStatus.ROUTED, "2026-03-02T09:00", breachedLongAgo),
        appeal("CS00000000B2", AppealStatus.ROUTED, "2026-03-01T09:00", breachedYesterday),
        appeal("CS00000000W1", AppealStatus.ROUTED, "2026-03-03T09:00", warnedDueToday),
        appeal("CS00000000R1", AppealStatus.ACKNOWLEDGED, "2026-02-20T09:00", resolutionDueSoonest),
        // the same due instant: the earlier submission first, then the tracking number
        appeal("CS00000000T2", AppealStatus.ROUTED, "2026-03-02T09:00", fresh()),
        appeal("CS00000000T1", AppealStatus.ROUTED, "2026-03-03T09:00", fresh()),
        appeal("CS00000000T3", AppealStatus.ROUTED, "2026-03-03T09:00", fresh()),
        // warned, but due after those on track: the due instant orders, not the colour
        appeal("CS00000000W2", AppealStatus.ROUTED, "2026-03-03T09:00", warnedDueLater),
        // no clock runs: last, oldest first, whatever the urgency was before
        appeal("CS00000000P1", AppealStatus.AWAITING_INFO, "2026-02-01T09:00", paused),
        appeal("CS00000000N1", AppealStatus.ROUTED, "2026-02-15T09:00", null));
  }

  @Test
  void theQueueIsMostUrgentFirstWithATotalOrder() {
    List<QueueEntry> expected = queueInOrder().stream().map(s -> QueueEntry.of(s, NOW)).toList();
    assertThat(expected).extracting(QueueEntry::urgency).containsExactly(Urgency.BREACHED, Urgency.BREACHED,
        Urgency.WARNING, Urgency.WARNING, Urgency.ON_TRACK, Urgency.ON_TRACK, Urgency.ON_TRACK, Urgency.WARNING, Urgency.PAUSED,
        Urgency.NONE);

    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      List<QueueEntry> shuffled = new ArrayList<>(expected);
      Collections.shuffle(shuffled, random);
      shuffled.sort(QueueEntry.MOST_URGENT_FIRST);
      assertThat(shuffled).extracting(QueueEntry::trackingNumber)
          .containsExactlyElementsOf(expected.stream().map(QueueEntry::trackingNumber).toList());
    }
  }

  @Test
  void theDepartmentQueueIndexSortsItsKeysInTheSameOrder() {
    List<AppealState> expected = queueInOrder();
    Random random = new Random(11);
    for (int round = 0; round < 20; round++) {
      List<AppealState> shuffled = new ArrayList<>(expected);
      Collections.shuffle(shuffled, random);
      shuffled.sort(Comparator.comparing(DepartmentQueueIndex::key));
      assertThat(shuffled).extracting(AppealState::getTrackingNumber)
          .containsExactlyElementsOf(expected.stream().map(AppealState::getTrackingNumber).toList());
    }
  }

  @Test
  void anEntryFromAnOlderPeerWithoutTheNewFieldsSortsLast() {
    QueueEntry old = new QueueEntry("id", "CS0000000009", "ROUTED", "430104", "ENVIRONMENT", "t", "e",
        local("2026-01-01T09:00"), local("2026-01-01T09:00"), null, null, null, null);
    List<QueueEntry> queue = new ArrayList<>(List.of(old, entry(AppealStatus.ROUTED, fresh())));
    queue.sort(QueueEntry.MOST_URGENT_FIRST);
    assertThat(queue).extracting(QueueEntry::trackingNumber).containsExactly("CS0000000001", "CS0000000009");
  }
}
