package cn.changsha.appeals.benchmark;

import java.util.ArrayList;
import java.util.List;

/** What one scenario found: its lines in the summary table (with targets) and its own part of the report. */
final class Section {

  /** A figure for the summary; {@code met} is null where no target was set. */
  record Row(String measure, String figure, String target, Boolean met) {}

  final Scenario scenario;
  final List<Row> rows = new ArrayList<>();
  final StringBuilder detail = new StringBuilder();
  private String failure;

  Section(Scenario scenario) {
    this.scenario = scenario;
  }

  Section row(String measure, String figure) {
    rows.add(new Row(measure, figure, "", null));
    return this;
  }

  /** A figure beside a target it could not be held against (what it is compared with was not measured). */
  Section unjudged(String measure, String figure, String target) {
    rows.add(new Row(measure, figure, target, null));
    return this;
  }

  Section row(String measure, String figure, String target, boolean met) {
    rows.add(new Row(measure, figure, target, met));
    return this;
  }

  Section line(String text) {
    detail.append(text).append('\n');
    return this;
  }

  Section failed(String why) {
    failure = why;
    return this;
  }

  String failure() {
    return failure;
  }
}
