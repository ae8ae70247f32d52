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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
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

  /**
   * A browser reconnects by itself after this, through sign-in again: it bounds how long a closed
   * tab holds a connection, and how long a stream outlives the revocation of its session's key.
   */
  private static final Duration CONNECTION_LIFETIME = Duration.ofMinutes(5);
  private static final String DASHBOARD = "dashboard";

  /** The alerts a newly opened dashboard shows at once, newest first: those this instance has seen since it started. */
  private static final int RECENT_ALERTS = 50;

  private final Clock clock;
  private final AppealQueries appeals;
  private final Deque<Alert> recent = new ArrayDeque<>();
  private final Map<String, Set<SseEmitter>> listeners = new ConcurrentHashMap<>();
  private final Set<String> changed = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(daemon("live-updates"));
  /** Looks up an alert's tracking number, perhaps on another instance, away from the listener and the sender. */
  private final ExecutorService lookups = Executors.newSingleThreadExecutor(daemon("live-alert-lookups"));

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

  /**
   * A warning, breach or escalation happened: the dashboards' feed shows it as it comes. The
   * tracking number is looked up on the sender's thread, not the listener's, since the appeal
   * may live on another instance.
   */
  public void alertRaised(String appealId, AppealEvent alert) {
    lookups.execute(() -> {
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
      sender.execute(() -> send(DASHBOARD, "alert", shown));
    });
  }

  public record Alert(String appealId, String trackingNumber, String departmentId, EventView event) {}

  public record ClockNow(String now, double speed) {}

  private SseEmitter listen(String key) {
    SseEmitter emitter = new SseEmitter(CONNECTION_LIFETIME.toMillis());
    Set<SseEmitter> set = listeners.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
    set.add(emitter);
    Runnable forget = () -> set.remove(emitter);
    emitter.onCompletion(forget);
    emitter.onTimeout(() -> {
      forget.run();
      emitter.complete(); // ends the answer cleanly; the browser reconnects
    });
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
      send(key, "changed", clockNow());
    }
  }

  private void sendClock() {
    ClockNow now = clockNow();
    listeners.keySet().forEach(key -> send(key, "clock", now));
  }

  /**
   * Sends on the one sender thread, so each screen gets its messages in order. A browser that has
   * gone away fails at once; one that stops reading holds the thread until the container's write
   * timeout, and is dropped then.
   */
  private void send(String key, String name, Object data) {
    Set<SseEmitter> set = listeners.getOrDefault(key, Set.of());
    for (SseEmitter emitter : set) {
      try {
        emitter.send(SseEmitter.event().name(name).data(data));
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

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @PreDestroy
  void stop() {
    lookups.shutdownNow();
    sender.shutdownNow();
    listeners.values().forEach(set -> set.forEach(SseEmitter::complete));
  }
}
