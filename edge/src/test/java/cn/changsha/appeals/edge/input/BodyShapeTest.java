package cn.changsha.appeals.edge.input;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.edge.problem.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BodyShapeTest {

  enum Kind { WORKING_HOURS, WORKING_DAYS }

  record Target(Kind kind, Integer amount) {}

  record Contact(String name, String phone) {}

  record Request(Contact contact, String title, Integer rating, Boolean active, List<Target> targets, long order) {}

  static final JsonMapper json = JsonMapper.builder().build();

  static List<FieldProblem> check(String body) {
    return BodyShape.check(json.readTree(body), Request.class);
  }

  @Test
  void aBodyOfTheRightShapePasses() {
    assertThat(check("""
        {"contact": {"name": "李经理", "phone": "13800000000"}, "title": "环评😀", "rating": 5, "active": true,
         "targets": [{"kind": "WORKING_DAYS", "amount": 2}], "order": 100}""")).isEmpty();
    assertThat(check("{\"contact\": null, \"title\": null}")).isEmpty();
  }

  @Test
  void everyBadFieldIsNamedAndNothingIsCoerced() {
    assertThat(check("""
        {"contact": {"name": true, "fax": "1"}, "title": 5, "rating": 2.9, "active": "true",
         "targets": [{"kind": 0, "amount": "5"}], "order": null, "greenCard": true}"""))
        .containsExactlyInAnyOrder(
            new FieldProblem("contact.name", "must be a string"),
            new FieldProblem("contact.fax", "is not a field of this request"),
            new FieldProblem("title", "must be a string"),
            new FieldProblem("rating", "must be a whole number"),
            new FieldProblem("active", "must be true or false"),
            new FieldProblem("targets[0].kind", "must be one of WORKING_HOURS, WORKING_DAYS"),
            new FieldProblem("targets[0].amount", "must be a whole number"),
            new FieldProblem("order", "must not be null"),
            new FieldProblem("greenCard", "is not a field of this request"));
  }

  @Test
  void numbersOutOfRangeAndBrokenTextAreRefused() {
    assertThat(check("{\"rating\": 5.0, \"order\": 1e3}")).extracting(FieldProblem::field).containsExactly("rating", "order");
    assertThat(check("{\"rating\": 99999999999}")).containsExactly(new FieldProblem("rating", "is out of range"));
    assertThat(check("{\"title\": \"a\\ud800b\"}")).extracting(FieldProblem::message)
        .containsExactly("must be valid Unicode text (unpaired surrogate)");
    assertThat(check("{\"title\": \"a\\u0000b\"}")).extracting(FieldProblem::message).containsExactly("must not contain control characters");
    assertThat(check("{\"title\": \"第一行\\n第二行\\t缩进\"}")).isEmpty();
  }

  @Test
  void theBodyMustBeAnObject() {
    assertThat(check("[1, 2]")).containsExactly(new FieldProblem("(body)", "must be a JSON object"));
    assertThat(check("{\"targets\": {\"kind\": \"WORKING_DAYS\"}, \"contact\": []}")).extracting(FieldProblem::message)
        .containsExactlyInAnyOrder("must be an array", "must be an object");
  }
}
