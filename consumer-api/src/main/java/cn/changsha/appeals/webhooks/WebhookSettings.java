package cn.changsha.appeals.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhook calls are made and retried. With the defaults a call is tried again after 1 s,
 * 4 s, 16 s ... growing four times each time up to an hour, twelve tries in all (about five and
 * a half hours), and then parked on the dead-letter topic until an administrator replays it.
 *
 * @param timeout how long one call may take, all told: a slow receiver cannot hold a delivery thread
 * @param retryConsumers consumers per retry level (and for the dead letters); first tries use one per partition
 */
@ConfigurationProperties("appeals.webhooks.delivery")
public record WebhookSettings(
    @DefaultValue("1s") Duration initialInterval,
    @DefaultValue("4") double multiplier,
    @DefaultValue("1h") Duration maxInterval,
    @DefaultValue("12") int attempts,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("5s") Duration timeout,
    @DefaultValue("2") int retryConsumers) {

  public WebhookSettings {
    if (retryConsumers < 1) {
      throw new IllegalArgumentException("appeals.webhooks.delivery.retry-consumers must be at least 1, not " + retryConsumers);
    }
  }
}
