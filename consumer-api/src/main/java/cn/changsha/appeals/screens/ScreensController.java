package cn.changsha.appeals.screens;

import cn.changsha.appeals.edge.security.Caller;
import cn.changsha.appeals.streams.config.SimulatedClock;
import cn.changsha.appeals.streams.query.ReferenceQueries;
import cn.changsha.appeals.streams.view.Times;
import cn.changsha.appeals.schema.Department;
import java.time.Clock;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The four screens: each a page of this server that draws itself from the API its role may call,
 * and listens for changes. The pages carry what their scripts need in {@code data-} attributes.
 */
@Controller
class ScreensController {

  private final ReferenceQueries reference;
  private final Clock clock;

  ScreensController(ReferenceQueries reference, Clock clock) {
    this.reference = reference;
    this.clock = clock;
  }

  @ModelAttribute
  void common(Model model, Locale locale, @AuthenticationPrincipal Caller caller) {
    Locale language = ScreenLocales.supported(locale);
    model.addAttribute("lang", language.getLanguage().equals("en") ? "en" : "zh-CN");
    model.addAttribute("english", language.getLanguage().equals("en"));
    model.addAttribute("scriptMessages", ScreenMessages.forScripts(language));
    model.addAttribute("clockNow", Times.local(clock.instant()).toString());
    model.addAttribute("clockSpeed", clock instanceof SimulatedClock simulated ? simulated.speed() : 1.0);
    model.addAttribute("caller", caller);
  }

  @GetMapping("/")
  String root() {
    return "redirect:/screens/";
  }

  /** Each role's own screen; administrators work through the API and its documentation. */
  @GetMapping({"/screens", "/screens/"})
  String home(@AuthenticationPrincipal Caller caller) {
    return switch (caller.role()) {
      case MONITOR -> "redirect:/screens/dashboard";
      case DEPARTMENT -> "redirect:/screens/workbench";
      case KIOSK -> "redirect:/screens/kiosk";
      case ENTERPRISE -> "redirect:/screens/enterprise";
      case ADMIN -> "redirect:/swagger-ui.html";
      case PEER -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    };
  }

  @GetMapping("/screens/dashboard")
  String dashboard() {
    return "screens/dashboard";
  }

  @GetMapping("/screens/workbench")
  String workbench(@AuthenticationPrincipal Caller caller, Model model) {
    model.addAttribute("department", department(caller.departmentId()));
    return "screens/workbench";
  }

  @GetMapping("/screens/workbench/appeals/{appealId}")
  String appeal(@AuthenticationPrincipal Caller caller, @PathVariable String appealId, Model model) {
    model.addAttribute("department", department(caller.departmentId()));
    model.addAttribute("appealId", appealId);
    return "screens/appeal";
  }

  @GetMapping("/screens/kiosk")
  String kiosk() {
    return "screens/kiosk";
  }

  @GetMapping("/screens/enterprise")
  String enterprise(@AuthenticationPrincipal Caller caller, Model model) {
    model.addAttribute("appealId", caller.appealId());
    return "screens/enterprise";
  }

  private DepartmentName department(String id) {
    return reference.department(id).map(d -> new DepartmentName(id, d.getName(), d.getNameEn()))
        .orElse(new DepartmentName(id, id, id));
  }

  record DepartmentName(String id, String name, String nameEn) {}
}
