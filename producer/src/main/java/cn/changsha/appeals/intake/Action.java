package cn.changsha.appeals.intake;

import cn.changsha.appeals.schema.ActorRole;
import cn.changsha.appeals.schema.CommandType;
import java.util.Arrays;
import java.util.Optional;

/** The actions of {@code POST /api/appeals/{appealId}/{action}}, and who takes each. */
enum Action {
  ACKNOWLEDGE("acknowledge", CommandType.ACKNOWLEDGE, ActorRole.DEPARTMENT),
  REQUEST_INFO("request-info", CommandType.REQUEST_INFO, ActorRole.DEPARTMENT),
  PROVIDE_INFO("provide-info", CommandType.PROVIDE_INFO, ActorRole.ENTERPRISE),
  TRANSFER("transfer", CommandType.TRANSFER, ActorRole.DEPARTMENT),
  RESOLVE("resolve", CommandType.RESOLVE, ActorRole.DEPARTMENT),
  EVALUATE("evaluate", CommandType.EVALUATE, ActorRole.ENTERPRISE),
  REOPEN("reopen", CommandType.REOPEN, ActorRole.ENTERPRISE),
  WITHDRAW("withdraw", CommandType.WITHDRAW, ActorRole.ENTERPRISE);

  final String path;
  final CommandType command;
  final ActorRole actor;

  Action(String path, CommandType command, ActorRole actor) {
    this.path = path;
    this.command = command;
    this.actor = actor;
  }

  static Optional<Action> byPath(String path) {
    return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
  }

  static String paths() {
    return String.join(", ", Arrays.stream(values()).map(a -> a.path).toList());
  }
}
