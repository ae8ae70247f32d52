package cn.changsha.appeals.intake;

import cn.changsha.appeals.edge.security.Role;
import cn.changsha.appeals.schema.CommandType;
import java.util.Arrays;
import java.util.Optional;

/** The actions of {@code POST /api/appeals/{appealId}/{action}}, and who takes each. */
enum Action {
  ACKNOWLEDGE("acknowledge", CommandType.ACKNOWLEDGE, Role.DEPARTMENT),
  REQUEST_INFO("request-info", CommandType.REQUEST_INFO, Role.DEPARTMENT),
  PROVIDE_INFO("provide-info", CommandType.PROVIDE_INFO, Role.ENTERPRISE),
  TRANSFER("transfer", CommandType.TRANSFER, Role.DEPARTMENT),
  RESOLVE("resolve", CommandType.RESOLVE, Role.DEPARTMENT),
  EVALUATE("evaluate", CommandType.EVALUATE, Role.ENTERPRISE),
  REOPEN("reopen", CommandType.REOPEN, Role.ENTERPRISE),
  WITHDRAW("withdraw", CommandType.WITHDRAW, Role.ENTERPRISE);

  final String path;
  final CommandType command;
  final Role actor;

  Action(String path, CommandType command, Role actor) {
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
