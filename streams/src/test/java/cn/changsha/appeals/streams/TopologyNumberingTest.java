package cn.changsha.appeals.streams;

import static org.assertj.core.api.Assertions.assertThat;

import cn.changsha.appeals.streams.hotspot.HotspotSettings;
import cn.changsha.appeals.streams.sla.SlaPlanner;
import cn.changsha.appeals.streams.testing.SettableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Task ids come from sub-topology numbers; a running deployment keeps its state and its assignments
 * under them. This pins the numbers, so a change that would renumber running tasks fails here
 * instead of at an upgrade.
 */
class TopologyNumberingTest {

  @Test
  void subTopologiesKeepTheirNumbers() {
    StreamsBuilder builder = new StreamsBuilder();
    new AppealTopology(new SettableClock(TopologyFixture.START), "CS-OPT",
        new SlaPlanner(TopologyFixture.calendar2026(), 0.75), new HotspotSettings(Duration.ofDays(30), 10)).buildInto(builder);
    TopologyDescription description = builder.build().describe();

    List<String> sources = new ArrayList<>();
    description.subtopologies().stream().sorted((a, b) -> Integer.compare(a.id(), b.id())).forEach(sub ->
        sub.nodes().stream().filter(n -> n instanceof TopologyDescription.Source)
            .forEach(n -> sources.add(sub.id() + ":" + ((TopologyDescription.Source) n).topicSet())));
    description.globalStores().forEach(g -> sources.add(g.id() + ":" + g.source().topicSet()));

    assertThat(sources).containsExactly(
        "0:[appeal-commands]", "1:[hotspot-candidates-repartition]",
        "2:[ref-departments]", "3:[ref-routing-rules]", "4:[ref-sla-policies]", "5:[ref-liaisons]", "6:[sec-api-keys]");
  }
}
