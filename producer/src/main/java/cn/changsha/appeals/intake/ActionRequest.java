package cn.changsha.appeals.intake;

import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/appeals/{appealId}/{action}}; which fields count depends on the
 * action (see the README). Whether they are present is checked by the topology, against the
 * appeal's state; here only their size.
 */
public record ActionRequest(
    @Size(max = 64) String toDepartmentId,
    @Size(max = 2000) String reason,
    @Size(max = 2000) String question,
    @Size(max = 4000) String information,
    @Size(max = 4000) String resolution,
    Integer rating,
    @Size(max = 2000) String comment) {

  static final ActionRequest EMPTY = new ActionRequest(null, null, null, null, null, null, null);
}
