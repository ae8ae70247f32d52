package cn.changsha.appeals.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AppealSimulatorTest {

  @Test
  void theSameSeedGivesTheSameAppeals() {
    AppealSimulator a = new AppealSimulator(7);
    AppealSimulator b = new AppealSimulator(7);
    for (int i = 0; i < 50; i++) {
      assertThat(a.next()).isEqualTo(b.next());
    }
  }

  @Test
  void aThousandAppealsCoverEveryDistrictAndCategoryWithValidCreditCodes() {
    AppealSimulator simulator = new AppealSimulator(2019);
    List<AppealDraft> drafts = IntStream.range(0, 1000).mapToObj(i -> simulator.next()).toList();
    Set<String> categories = new HashSet<>();
    Set<String> districts = new HashSet<>();
    long greenCards = drafts.stream().filter(d -> d.enterprise().greenCard() != null).count();
    for (AppealDraft d : drafts) {
      categories.add(d.category());
      districts.add(d.district());
      assertThat(CreditCodes.isValid(d.enterprise().creditCode())).as(d.enterprise().creditCode()).isTrue();
      assertThat(d.enterprise().contactPhone()).matches("1[3-9]\\d{9}");
    }
    assertThat(districts).containsExactlyInAnyOrderElementsOf(AppealSimulator.DISTRICTS);
    assertThat(categories).hasSize(14);
    assertThat(greenCards).isBetween(30L, 200L);
  }
}
