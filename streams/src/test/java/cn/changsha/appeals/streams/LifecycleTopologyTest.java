package cn.changsha.appeals.streams;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.AppealState;
import cn.changsha.appeals.schema.Actor;
import cn.changsha.appeals.schema.ActorRole;
import cn.changsha.appeals.schema.AppealStatus;
import cn.changsha.appeals.schema.CommandOutcome;
import cn.changsha.appeals.schema.CommandResult;
import cn.changsha.appeals.schema.CommandType;
import cn.changsha.appeals.schema.EventType;
import cn.changsha.appeals.streams.lifecycle.AppealEvolution;
import cn.changsha.appeals.schema.AppealCommand;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleTopologyTest extends TopologyTestSupport {

  /** Drives a fresh appeal into the given status through valid commands and returns its id. */
  String appealIn(AppealStatus status) {
    String id = fx.submit("430104", "ENVIRONMENT");
    switch (status) {
      case ROUTED -> { }
      case ACKNOWLEDGED -> ok(id, CommandType.ACKNOWLEDGE, c -> { });
      case AWAITING_INFO -> ok(id, CommandType.REQUEST_INFO, c -> c.setQuestion("请补充环评报告"));
      case RESOLVED -> {
        ok(id, CommandType.ACKNOWLEDGE, c -> { });
        ok(id, CommandType.RESOLVE, c -> c.setResolution("已指导办理"));
      }
      case CLOSED -> {
        appealInto(id, AppealStatus.RESOLVED);
        ok(id, CommandType.EVALUATE, c -> c.setRating(5));
      }
      case REOPENED -> {
        appealInto(id, AppealStatus.RESOLVED);
        ok(id, CommandType.REOPEN, c -> c.setReason("问题未解决"));
      }
      case WITHDRAWN -> ok(id, CommandType.WITHDRAW, c -> { });
      default -> throw new IllegalArgumentException(status.name());
    }
    assertThat(fx.state(id).getStatus()).isEqualTo(status);
    fx.events.readValuesToList();
    return id;
  }

  private void appealInto(String id, AppealStatus resolved) {
    ok(id, CommandType.ACKNOWLEDGE, c -> { });
    ok(id, CommandType.RESOLVE, c -> c.setResolution("已指导办理"));
  }

  private CommandResult ok(String id, CommandType type, Consumer<AppealCommand.Builder> fields) {
    CommandResult result = fx.act(id, type, fields);
    assertThat(result.getOutcome()).as(result.getReason()).isEqualTo(CommandOutcome.ACCEPTED);
    return result;
  }

  static Stream<Arguments> validTransitions() {
    return Stream.of(
        Arguments.of(AppealStatus.ROUTED, CommandType.ACKNOWLEDGE, AppealStatus.ACKNOWLEDGED, List.of(EventType.ACKNOWLEDGED)),
        Arguments.of(AppealStatus.REOPENED, CommandType.ACKNOWLEDGE, AppealStatus.ACKNOWLEDGED, List.of(EventType.ACKNOWLEDGED)),
        Arguments.of(AppealStatus.ROUTED, CommandType.REQUEST_INFO, AppealStatus.AWAITING_INFO, List.of(EventType.INFO_REQUESTED)),
        Arguments.of(AppealStatus.ACKNOWLEDGED, CommandType.REQUEST_INFO, AppealStatus.AWAITING_INFO, List.of(EventType.INFO_REQUESTED)),
        Arguments.of(AppealStatus.AWAITING_INFO, CommandType.PROVIDE_INFO, AppealStatus.ROUTED, List.of(EventType.INFO_PROVIDED)),
        Arguments.of(AppealStatus.ROUTED, CommandType.TRANSFER, AppealStatus.ROUTED, List.of(EventType.TRANSFERRED)),
        Arguments.of(AppealStatus.ACKNOWLEDGED, CommandType.TRANSFER, AppealStatus.ROUTED, List.of(EventType.TRANSFERRED)),
        Arguments.of(AppealStatus.ACKNOWLEDGED, CommandType.RESOLVE, AppealStatus.RESOLVED, List.of(EventType.RESOLVED)),
        Arguments.of(AppealStatus.REOPENED, CommandType.RESOLVE, AppealStatus.RESOLVED, List.of(EventType.RESOLVED)),
        Arguments.of(AppealStatus.RESOLVED, CommandType.REOPEN, AppealStatus.REOPENED, List.of(EventType.REOPENED)),
        Arguments.of(AppealStatus.CLOSED, CommandType.REOPEN, AppealStatus.REOPENED, List.of(EventType.REOPENED)),
        Arguments.of(AppealStatus.ROUTED, CommandType.WITHDRAW, AppealStatus.WITHDRAWN, List.of(EventType.WITHDRAWN)),
        Arguments.of(AppealStatus.AWAITING_INFO, CommandType.WITHDRAW, AppealStatus.WITHDRAWN, List.of(EventType.WITHDRAWN)),
        Arguments.of(AppealStatus.REOPENED, CommandType.WITHDRAW, AppealStatus.WITHDRAWN, List.of(EventType.WITHDRAWN)));
  }

  @ParameterizedTest(name = "{1} from {0} -> {2}")
  @MethodSource("validTransitions")
  void validTransition(AppealStatus from, CommandType command, AppealStatus to, List<EventType> recorded) {
    String id = appealIn(from);
    CommandResult result = fx.act(id, command, LifecycleTopologyTest::completeFields);

    assertThat(result.getOutcome()).as(result.getReason()).isEqualTo(CommandOutcome.ACCEPTED);
    assertThat(result.getState().getStatus()).isEqualTo(to);
    assertThat(fx.state(id).getStatus()).isEqualTo(to);
    List<AppealEvent> events = fx.events.readValuesToList();
    assertThat(events).extracting(AppealEvent::getType).containsExactlyElementsOf(recorded);
    assertThat(events).allSatisfy(e -> assertThat(e.getActor()).isNotNull());
  }

  static Stream<Arguments> refusedTransitions() {
    return Stream.of(
        Arguments.of(AppealStatus.ACKNOWLEDGED, CommandType.ACKNOWLEDGE),
        Arguments.of(AppealStatus.RESOLVED, CommandType.ACKNOWLEDGE),
        Arguments.of(AppealStatus.ROUTED, CommandType.RESOLVE),
        Arguments.of(AppealStatus.AWAITING_INFO, CommandType.RESOLVE),
        Arguments.of(AppealStatus.ROUTED, CommandType.PROVIDE_INFO),
        Arguments.of(AppealStatus.AWAITING_INFO, CommandType.REQUEST_INFO),
        Arguments.of(AppealStatus.AWAITING_INFO, CommandType.TRANSFER),
        Arguments.of(AppealStatus.RESOLVED, CommandType.TRANSFER),
        Arguments.of(AppealStatus.ROUTED, CommandType.EVALUATE),
        Arguments.of(AppealStatus.CLOSED, CommandType.EVALUATE),
        Arguments.of(AppealStatus.ROUTED, CommandType.REOPEN),
        Arguments.of(AppealStatus.RESOLVED, CommandType.WITHDRAW),
        Arguments.of(AppealStatus.CLOSED, CommandType.WITHDRAW),
        Arguments.of(AppealStatus.WITHDRAWN, CommandType.ACKNOWLEDGE),
        Arguments.of(AppealStatus.WITHDRAWN, CommandType.REOPEN));
  }

  @ParameterizedTest(name = "{1} refused from {0}")
  @MethodSource("refusedTransitions")
  void refusedTransition(AppealStatus from, CommandType command) {
    String id = appealIn(from);
    AppealState before = fx.state(id);

    CommandResult result = fx.act(id, command, LifecycleTopologyTest::completeFields);

    assertThat(result.getOutcome()).isEqualTo(CommandOutcome.INVALID_STATE);
    assertThat(result.getReason()).contains(from.name());
    assertThat(fx.state(id)).isEqualTo(before);
    assertThat(fx.events.isEmpty()).isTrue();
  }

  @Test
  void commandsMissingWhatTheyNeedAreRefusedWithTheField() {
    String id = appealIn(AppealStatus.ACKNOWLEDGED);
    assertThat(fx.act(id, CommandType.RESOLVE, c -> { }).getReason()).contains("resolution");
    assertThat(fx.act(id, CommandType.TRANSFER, c -> c.setToDepartmentId("430104-BSC")).getReason()).contains("reason");
    assertThat(fx.act(id, CommandType.TRANSFER, c -> c.setReason("不属本部门")).getReason()).contains("toDepartmentId");
    assertThat(fx.act(id, CommandType.TRANSFER, c -> c.setReason("x").setToDepartmentId("NOPE")).getReason()).contains("NOPE");
    assertThat(fx.act(id, CommandType.TRANSFER, c -> c.setReason("x").setToDepartmentId("430104-ENV")).getReason()).contains("already");
    assertThat(fx.act(id, CommandType.REQUEST_INFO, c -> c.setQuestion("  ")).getOutcome()).isEqualTo(CommandOutcome.INVALID_COMMAND);
    assertThat(fx.events.isEmpty()).isTrue();
  }

  @Test
  void aDepartmentActsOnlyOnTheAppealsItHolds() {
    String id = appealIn(AppealStatus.ACKNOWLEDGED);
    AppealState before = fx.state(id);
    ok(id, CommandType.TRANSFER, c -> c.setToDepartmentId("430104-MARKET").setReason("属于市场监管职责"));

    CommandResult late = fx.send(TopologyFixture.base(id, CommandType.RESOLVE,
        new Actor(ActorRole.DEPARTMENT, "env-clerk", before.getDepartmentId())).setResolution("已办结").build());
    CommandResult stranger = fx.send(TopologyFixture.base(id, CommandType.ACKNOWLEDGE,
        new Actor(ActorRole.DEPARTMENT, "tax-clerk", "430104-TAX")).build());

    assertThat(late.getOutcome()).isEqualTo(CommandOutcome.FORBIDDEN);
    assertThat(stranger.getOutcome()).isEqualTo(CommandOutcome.FORBIDDEN);
    assertThat(fx.state(id).getStatus()).isEqualTo(AppealStatus.ROUTED);
    assertThat(fx.state(id).getDepartmentId()).isEqualTo("430104-MARKET");
  }

  @Test
  void aRatingOutsideOneToFiveIsRefused() {
    String id = appealIn(AppealStatus.RESOLVED);
    assertThat(fx.act(id, CommandType.EVALUATE, c -> c.setRating(0)).getOutcome()).isEqualTo(CommandOutcome.INVALID_COMMAND);
    assertThat(fx.act(id, CommandType.EVALUATE, c -> c.setRating(6)).getOutcome()).isEqualTo(CommandOutcome.INVALID_COMMAND);
    assertThat(fx.state(id).getStatus()).isEqualTo(AppealStatus.RESOLVED);
  }

  @Test
  void aSatisfiedRatingClosesAndAnUnsatisfiedOneReopens() {
    String happy = appealIn(AppealStatus.RESOLVED);
    String unhappy = appealIn(AppealStatus.RESOLVED);

    ok(happy, CommandType.EVALUATE, c -> c.setRating(3).setComment("办理及时"));
    ok(unhappy, CommandType.EVALUATE, c -> c.setRating(2).setComment("没有解决"));

    assertThat(fx.state(happy).getStatus()).isEqualTo(AppealStatus.CLOSED);
    assertThat(fx.state(happy).getRating()).isEqualTo(3);
    assertThat(fx.state(unhappy).getStatus()).isEqualTo(AppealStatus.REOPENED);
    assertThat(fx.queue("430104-ENV")).containsExactly(unhappy);
  }

  @Test
  void informationReturnsTheAppealToWhereItWas() {
    String id = appealIn(AppealStatus.ACKNOWLEDGED);
    ok(id, CommandType.REQUEST_INFO, c -> c.setQuestion("请补充营业执照"));
    ok(id, CommandType.PROVIDE_INFO, c -> c.setInformation("已上传"));
    assertThat(fx.state(id).getStatus()).isEqualTo(AppealStatus.ACKNOWLEDGED);
  }

  @Test
  void aTransferMovesTheAppealBetweenQueuesAndTellsBothDepartments() {
    String id = appealIn(AppealStatus.ACKNOWLEDGED);
    fx.departmentTopic("430104-ENV");

    ok(id, CommandType.TRANSFER, c -> c.setToDepartmentId("430104-MARKET").setReason("属于市场监管职责"));

    AppealState state = fx.state(id);
    assertThat(state.getDepartmentId()).isEqualTo("430104-MARKET");
    assertThat(fx.queue("430104-ENV")).isEmpty();
    assertThat(fx.queue("430104-MARKET")).containsExactly(id);
    assertThat(fx.departmentTopic("430104-ENV")).singleElement().satisfies(r -> assertThat(r.value).contains("TRANSFERRED"));
    assertThat(fx.departmentTopic("430104-MARKET")).singleElement().satisfies(r -> assertThat(r.value).contains("属于市场监管职责"));
    AppealEvent transfer = state.getTimeline().get(state.getTimeline().size() - 1);
    assertThat(transfer.getFromDepartmentId()).isEqualTo("430104-ENV");
  }

  @Test
  void closedAndWithdrawnAppealsLeaveTheQueue() {
    String closed = appealIn(AppealStatus.CLOSED);
    String withdrawn = appealIn(AppealStatus.WITHDRAWN);
    String open = appealIn(AppealStatus.AWAITING_INFO);
    assertThat(fx.queue("430104-ENV")).containsExactly(open).doesNotContain(closed, withdrawn);
  }

  @Test
  void aCommandForAnUnknownAppealIsNotFound() {
    CommandResult result = fx.act("no-such-appeal", CommandType.ACKNOWLEDGE, c -> { });
    assertThat(result.getOutcome()).isEqualTo(CommandOutcome.NOT_FOUND);
  }

  @Test
  void aRepeatedSubmissionIsADuplicateAndADifferentOneUnderTheSameKeyAConflict() {
    String tn = AppealIds.trackingNumberFor("kiosk-01-000042");
    String id = AppealIds.appealIdFor(tn);
    CommandResult first = fx.send(fx.submitCommand(id, tn, "430104", "ENVIRONMENT", "fp-1"));
    fx.events.readValuesToList();

    fx.clock.set(TopologyFixture.START.plusSeconds(30));
    CommandResult retry = fx.send(fx.submitCommand(id, tn, "430104", "ENVIRONMENT", "fp-1"));
    CommandResult reused = fx.send(fx.submitCommand(id, tn, "430104", "TAX", "fp-2"));

    assertThat(first.getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
    assertThat(retry.getOutcome()).isEqualTo(CommandOutcome.DUPLICATE);
    assertThat(retry.getState()).isEqualTo(first.getState());
    assertThat(reused.getOutcome()).isEqualTo(CommandOutcome.CONFLICT);
    assertThat(fx.events.isEmpty()).isTrue();
    assertThat(fx.queue("430104-ENV")).containsExactly(id);
  }

  @Test
  void theStoredStateIsTheFoldOfTheEventLog() {
    String id = fx.submit("430104", "ENVIRONMENT");
    ok(id, CommandType.ACKNOWLEDGE, c -> { });
    ok(id, CommandType.TRANSFER, c -> c.setToDepartmentId("430104-MARKET").setReason("职责调整"));
    ok(id, CommandType.ACKNOWLEDGE, c -> { });
    ok(id, CommandType.RESOLVE, c -> c.setResolution("已办结"));
    ok(id, CommandType.EVALUATE, c -> c.setRating(1));

    List<AppealEvent> log = fx.events.readValuesToList();
    assertThat(log).extracting(AppealEvent::getType).containsExactly(EventType.SUBMITTED, EventType.ROUTED,
        EventType.ACKNOWLEDGED, EventType.TRANSFERRED, EventType.ACKNOWLEDGED, EventType.RESOLVED,
        EventType.EVALUATED, EventType.REOPENED);
    assertThat(AppealEvolution.replay(log)).isEqualTo(fx.state(id));
  }

  private static void completeFields(AppealCommand.Builder c) {
    c.setQuestion("请补充材料").setInformation("材料已补充").setReason("职责不符")
        .setToDepartmentId("430104-MARKET").setResolution("已办结").setRating(4);
  }
}
