package cn.changsha.appeals.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodesTest {

  @Test
  void theStandardsExampleIsValid() {
    assertThat(CreditCodes.isValid("91350100M000100Y43")).isTrue();
    assertThat(CreditCodes.checkCharacter("91350100M000100Y4")).isEqualTo('3');
  }

  @Test
  void everyOtherCheckCharacterIsRejected() {
    String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    long valid = charset.chars().filter(c -> CreditCodes.isValid("91350100M000100Y4" + (char) c)).count();
    assertThat(valid).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "91350100M000100Y4O",
      "913501O0M000100Y43", "91350100m000100Y43", "9135A100M000100Y43", "91350100I000100Y43"})
  void malformedCodesAreRejected(String code) {
    assertThat(CreditCodes.isValid(code)).isFalse();
  }

  @Test
  void aCheckCharacterOfZeroIsComputedAsZero() {
    // Find a prefix whose weighted sum is a multiple of 31 and check it closes with '0'.
    String prefix = "9143010000000000";
    for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
      String first17 = prefix + c;
      if (CreditCodes.checkCharacter(first17) == '0') {
        assertThat(CreditCodes.isValid(first17 + '0')).isTrue();
        return;
      }
    }
    throw new AssertionError("no prefix with check character 0 found");
  }
}
