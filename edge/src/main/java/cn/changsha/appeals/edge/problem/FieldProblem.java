package cn.changsha.appeals.edge.problem;

/** One bad part of a request: the field (a JSON path such as {@code enterprise.contactPhone}, a header or a parameter) and what is wrong. */
public record FieldProblem(String field, String message) {}
