package cn.changsha.appeals.screens;

import cn.changsha.appeals.edge.security.ScreenSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one sign-in page: staff with the key they were given, an enterprise with the tracking
 * number and secret printed on its receipt. A refusal says which of the two was not accepted and
 * nothing more, and what was typed as a key or secret is never shown back.
 */
@Controller
class SignInController {

  private final ScreenSignIn signIn;

  SignInController(ScreenSignIn signIn) {
    this.signIn = signIn;
  }

  @GetMapping("/screens/sign-in")
  String form(Model model, Locale locale) {
    model.addAttribute("lang", ScreenLocales.supported(locale).getLanguage().equals("en") ? "en" : "zh-CN");
    return "screens/sign-in";
  }

  @PostMapping(value = "/screens/sign-in", params = "key")
  String staff(@RequestParam String key, HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
    try {
      signIn.withKey(key, request, response);
      return "redirect:/screens/";
    } catch (AuthenticationException e) {
      return refused(e, "staff", response, model, locale);
    }
  }

  @PostMapping(value = "/screens/sign-in", params = "trackingNumber")
  String enterprise(@RequestParam String trackingNumber, @RequestParam(defaultValue = "") String secret,
      HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
    try {
      signIn.withReceipt(trackingNumber, secret, request, response);
      return "redirect:/screens/enterprise";
    } catch (AuthenticationException e) {
      model.addAttribute("trackingNumber", trackingNumber.length() <= 20 ? trackingNumber : "");
      return refused(e, "enterprise", response, model, locale);
    }
  }

  private String refused(AuthenticationException e, String form, HttpServletResponse response, Model model, Locale locale) {
    boolean unavailable = e instanceof AuthenticationServiceException;
    response.setStatus(unavailable ? 503 : 401);
    model.addAttribute("error", unavailable ? "signIn.unavailable" : "signIn.refused." + form);
    model.addAttribute("form", form);
    return form(model, locale);
  }
}
