package cn.changsha.appeals.edge.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {

  @Test
  void takesAFormApartAsBrowsersAndLibrariesEncodeIt() {
    Map<String, List<String>> form = FormBody.parse(
        "service_code=TAX&attribute%5Bdistrict%5D=430104&description=%E7%A8%8E%E5%8A%A1+%E5%92%A8%E8%AF%A2"
            + "&attribute[title]=税务&empty=&flag&attribute%5Bx%5D%5B%5D=1&attribute%5Bx%5D%5B%5D=2&&");

    assertThat(form).containsExactly(
        Map.entry("service_code", List.of("TAX")),
        Map.entry("attribute[district]", List.of("430104")),
        Map.entry("description", List.of("税务 咨询")),
        Map.entry("attribute[title]", List.of("税务")),
        Map.entry("empty", List.of("")),
        Map.entry("flag", List.of("")),
        Map.entry("attribute[x][]", List.of("1", "2")));
    assertThat(FormBody.parse(null)).isEmpty();
  }

  @Test
  void refusesWhatIsNotUtf8OrNotAnEscape() {
    assertThatThrownBy(() -> FormBody.parse("description=%C3%28")).hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> FormBody.parse("description=%ED%A0%80")).hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> FormBody.parse("description=100%")).hasMessageContaining("two hex digits");
    assertThatThrownBy(() -> FormBody.parse("description=%zz")).hasMessageContaining("two hex digits");
    // No XML document could carry these, so an answer quoting them would break: refused as they come.
    assertThatThrownBy(() -> FormBody.parse("description=abc%01def")).hasMessageContaining("control character");
    assertThat(FormBody.parse("description=line%0Anext%09tab").get("description")).containsExactly("line\nnext\ttab");
    assertThat(XmlText.printable("a\u0001b\uFFFEc")).isEqualTo("a\uFFFDb\uFFFDc");
    assertThatThrownBy(() -> FormBody.strictUtf8(new byte[] {(byte) 0xFF})).hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> FormBody.parse("a=1&".repeat(FormBody.MAX_PARAMETERS + 1))).hasMessageContaining("parameters");
  }
}
