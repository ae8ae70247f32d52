package cn.changsha.appeals.benchmark;

import cn.changsha.appeals.schema.AppealCommand;
import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.schema.CommandType;
import cn.changsha.appeals.schema.EventType;
import java.util.Optional;

/**
 * Where each appeal of the fill ends up, so the stores look like a city's after a while and not
 * like a million untouched appeals: most are handled through to a rating, some wait at each step.
 * Decided by the appeal's number alone, twenty slots in turn.
 */
final class FillPlan {

  enum Fate {
    ROUTED(2, "left routed, not yet acknowledged"),
    ACKNOWLEDGED(2, "acknowledged, being handled"),
    AWAITING_INFO(1, "acknowledged, then information requested from the enterprise"),
    RESOLVED(2, "resolved, awaiting the enterprise's rating"),
    REOPENED(1, "resolved, rated 1–2 and so reopened"),
    CLOSED(12, "resolved and closed with a rating of 3–5");

    final int slots;
    final String description;

    Fate(int slots, String description) {
      this.slots = slots;
      this.description = description;
    }

    boolean open() {
      return this == ROUTED || this == ACKNOWLEDGED || this == AWAITING_INFO || this == REOPENED;
    }
  }

  static final String STAGE = "fill";
  private static final Fate[] BY_SLOT = slots();

  private final Commands commands;

  FillPlan(Commands commands) {
    this.commands = commands;
  }

  static Fate fate(long n) {
    return BY_SLOT[(int) (n % BY_SLOT.length)];
  }

  /** How many of {@code appeals} will have a step after routing (all but those left routed). */
  static long moving(long appeals) {
    long moving = 0;
    for (long slot = 0; slot < BY_SLOT.length; slot++) {
      long inSlot = appeals / BY_SLOT.length + (slot < appeals % BY_SLOT.length ? 1 : 0);
      moving += BY_SLOT[(int) slot] == Fate.ROUTED ? 0 : inSlot;
    }
    return moving;
  }

  /** Commands after the submission, per appeal, on average: what the lifecycle step costs beside the fill. */
  static double actionsPerAppeal() {
    double total = 0;
    for (Fate fate : BY_SLOT) {
      total += switch (fate) {
        case ROUTED -> 0;
        case ACKNOWLEDGED -> 1;
        case AWAITING_INFO, RESOLVED -> 2;
        case REOPENED, CLOSED -> 3;
      };
    }
    return total / BY_SLOT.length;
  }

  static String describe() {
    StringBuilder text = new StringBuilder();
    int open = 0;
    for (Fate fate : Fate.values()) {
      text.append(String.format("%d%% %s; ", fate.slots * 5, fate.description));
      open += fate.open() ? fate.slots * 5 : 0;
    }
    return text.append(open).append("% stay open (in a department's queue)").toString();
  }

  /** The command that takes appeal {@code n} on from {@code event}, if its fate goes further. */
  Optional<AppealCommand> next(long n, AppealEvent event) {
    Fate fate = fate(n);
    String department = event.getDepartmentId();
    return switch (event.getType()) {
      case ROUTED -> fate == Fate.ROUTED ? Optional.empty()
          : Optional.of(commands.action(STAGE, n, CommandType.ACKNOWLEDGE, Commands.department(department)).build());
      case ACKNOWLEDGED -> switch (fate) {
        case ACKNOWLEDGED -> Optional.empty();
        case AWAITING_INFO -> Optional.of(commands.action(STAGE, n, CommandType.REQUEST_INFO, Commands.department(department))
            .setQuestion("请补充近三年的纳税证明和项目备案材料").build());
        default -> Optional.of(commands.action(STAGE, n, CommandType.RESOLVE, Commands.department(department))
            .setResolution("已协调相关科室现场办理,材料齐全后三个工作日内办结").build());
      };
      case RESOLVED -> fate == Fate.RESOLVED ? Optional.empty()
          : Optional.of(commands.action(STAGE, n, CommandType.EVALUATE, commands.enterprise(STAGE, n))
              .setRating(fate == Fate.REOPENED ? 1 + (int) (n % 2) : 3 + (int) (n % 3))
              .setComment(fate == Fate.REOPENED ? "问题没有真正解决" : "办理及时,态度很好").build());
      default -> Optional.empty();
    };
  }

  /** Whether {@code event} is the last step appeal {@code n}'s fate asks for. */
  static boolean finishes(long n, AppealEvent event) {
    EventType type = event.getType();
    return switch (fate(n)) {
      case ROUTED -> type == EventType.ROUTED;
      case ACKNOWLEDGED -> type == EventType.ACKNOWLEDGED;
      case AWAITING_INFO -> type == EventType.INFO_REQUESTED;
      case RESOLVED -> type == EventType.RESOLVED;
      case REOPENED -> type == EventType.REOPENED;
      case CLOSED -> type == EventType.CLOSED;
    };
  }

  private static Fate[] slots() {
    Fate[] slots = new Fate[20];
    int i = 0;
    for (Fate fate : Fate.values()) {
      for (int k = 0; k < fate.slots; k++) {
        slots[i++] = fate;
      }
    }
    return slots;
  }
}
