package cn.changsha.appeals.intake;

import cn.changsha.appeals.schema.Actor;
import cn.changsha.appeals.schema.ActorRole;
import java.util.regex.Pattern;

/**
 * Who is acting, from the {@code X-Actor-Id} header: a terminal, account or department id, never a
 * person's name. Until sign-in arrives the header is trusted as given; the role follows from what
 * is being done.
 */
final class Actors {

  static final String HEADER = "X-Actor-Id";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private Actors() {}

  static Actor of(ActorRole role, String headerValue) {
    if (headerValue == null || headerValue.isBlank()) {
      return new Actor(role, "unidentified");
    }
    if (!ID.matcher(headerValue).matches()) {
      throw new BadRequestException(HEADER, "must be 1-64 letters, digits or . _ : -");
    }
    return new Actor(role, headerValue);
  }
}
