package cn.changsha.appeals.live;

import cn.changsha.appeals.query.AppealQueries;
import cn.changsha.appeals.schema.AppealEvent;
import cn.changsha.appeals.streams.config.SimulatedClock;
import cn.changsha.appeals.streams.view.AppealView;
import cn.changsha.appeals.streams.view.EventView;
import cn.changsha.appeals.streams.view.Times;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The screens' live connections (server-sent events). Every event on the log marks the dashboard
 * and the departments it touches as changed; changes are sent at most twice a second, as a nudge
 * to re-read, so a burst of a thousand events costs a screen one read. Alerts are sent as they
 * are, for the dashboard's feed. Each message also carries the business clock, which may run fast.
 */
@Component
public class LiveUpdates {

  /** A browser reconnects by itself after this; it bounds how long a closed tab holds a connection. */
  private static final Duration CONNECTION_LIFETIME = Duration.ofMinutes(30);
  private static final String DASHBOARD = "dashboard";

  /** The alerts a newly opened dashboard shows at once, newest first: those this instance has seen since it started. */
  private static final int RECENT_ALERTS = 50;

  private final Clock clock;
  private final AppealQueries appeals;
  private final Deque<Alert> recent = new ArrayDeque<>();
  private final Map<String, Set<SseEmitter>> listeners = new ConcurrentHashMap<>();
  private final Set<String> changed = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "live-updates");
    t.setDaemon(true);
    return t;
  });

  public LiveUpdates(Clock clock, AppealQueries appeals) {
    this.clock = clock;
    this.appeals = appeals;
    sender.scheduleWithFixedDelay(this::sendChanges, 500, 500, TimeUnit.MILLISECONDS);
    sender.scheduleWithFixedDelay(this::sendClock, 5, 5, TimeUnit.SECONDS);
  }

  public SseEmitter dashboard() {
    SseEmitter emitter = listen(DASHBOARD);
    List<Alert> shown;
    synchronized (recent) {
      shown = List.copyOf(recent);
    }
    try {
      emitter.send(SseEmitter.event().name("recent").data(shown));
    } catch (IOException e) {
      emitter.complete();
    }
    return emitter;
  }

  public SseEmitter department(String departmentId) {
    return listen(departmentKey(departmentId));
  }

  /** An event was written: whoever shows the appeal's department (before and after) should re-read. */
  public void eventWritten(AppealEvent event) {
    changed.add(DASHBOARD);
    Stream.of(event.getDepartmentId(), event.getFromDepartmentId()).filter(Objects::nonNull)
        .forEach(id -> changed.add(departmentKey(id)));
    if (event.getDepartmentId() == null) {
      // Most events do not name the department (an acknowledgement, a rating): it is the one that holds the appeal.
      listeners.keySet().stream().filter(key -> key.startsWith("department:")).forEach(changed::add);
    }
  }

  /** A warning, breach or escalation happened: the dashboards' feed shows it as it comes. */
  public void alertRaised(String appealId, AppealEvent alert) {
    String trackingNumber;
    try {
      trackingNumber = appeals.appeal(appealId).map(AppealView::trackingNumber).orElse(null);
    } catch (RuntimeException e) {
      trackingNumber = null; // the feed shows the alert all the same; the appeal is moving between instances
    }
    Alert shown = new Alert(appealId, trackingNumber, alert.getDepartmentId(), EventView.from(alert));
    synchronized (recent) {
      recent.addFirst(shown);
      while (recent.size() > RECENT_ALERTS) {
        recent.removeLast();
      }
    }
    send(DASHBOARD, SseEmitter.event().name("alert").data(shown));
  }

  public record Alert(String appealId, String trackingNumber, String departmentId, EventView event) {}

  public record ClockNow(String now, double speed) {}

  private SseEmitter listen(String key) {
    SseEmitter emitter = new SseEmitter(CONNECTION_LIFETIME.toMillis());
    Set<SseEmitter> set = listeners.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
    set.add(emitter);
    Runnable forget = () -> set.remove(emitter);
    emitter.onCompletion(forget);
    emitter.onTimeout(forget);
    emitter.onError(e -> forget.run());
    try {
      emitter.send(SseEmitter.event().name("clock").data(clockNow()));
    } catch (IOException e) {
      forget.run();
    }
    return emitter;
  }

  private void sendChanges() {
    for (String key : Set.copyOf(changed)) {
      changed.remove(key);
      send(key, SseEmitter.event().name("changed").data(clockNow()));
    }
  }

  private void sendClock() {
    listeners.keySet().forEach(key -> send(key, SseEmitter.event().name("clock").data(clockNow())));
  }

  private void send(String key, SseEmitter.SseEventBuilder message) {
    Set<SseEmitter> set = listeners.getOrDefault(key, Set.of());
    for (SseEmitter emitter : set) {
      try {
        emitter.send(message);
      } catch (IOException | IllegalStateException e) {
        set.remove(emitter); // the browser went away; it reconnects on its own if it is still there
      }
    }
  }

  private ClockNow clockNow() {
    double speed = clock instanceof SimulatedClock simulated ? simulated.speed() : 1.0;
    return new ClockNow(Times.local(clock.instant()).toString(), speed);
  }

  private static String departmentKey(String departmentId) {
    return "department:" + departmentId;
  }

  @PreDestroy
  void stop() {
    sender.shutdownNow();
    listeners.values().forEach(set -> set.forEach(SseEmitter::complete));
  }
}
