package cn.changsha.appeals.screens;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words the screens' scripts need (status names, units, button labels), taken from the same
 * message files as the pages ({@code i18n/screens*.properties}, keys starting {@code js.}), so a
 * translation is made in one place.
 */
final class ScreenMessages {

  static final String BUNDLE = "i18n/screens";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<Locale, String> CACHE = new ConcurrentHashMap<>();

  private ScreenMessages() {}

  static String forScripts(Locale locale) {
    return CACHE.computeIfAbsent(ScreenLocales.supported(locale), ScreenMessages::read);
  }

  private static String read(Locale locale) {
    // No fallback to the machine's own locale: Chinese is the base file, English the other.
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Map<String, String> words = new TreeMap<>();
    for (String key : bundle.keySet()) {
      if (key.startsWith("js.")) {
        words.put(key.substring(3), bundle.getString(key));
      }
    }
    return JSON.writeValueAsString(words);
  }
}
