package cn.changsha.appeals.edge.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Where this system may call out to (departments' webhooks): HTTPS anywhere, plain HTTP only to
 * hosts named in {@code appeals.webhooks.http-hosts}; never the machine itself, link-local
 * addresses or a cloud's metadata service, which a planted URL would use to read what it should
 * not. Private intranet addresses are allowed: that is where department systems live. Checked
 * when a URL is set and again, against what its name resolves to then, before every call.
 */
@Component
@EnableConfigurationProperties(CallbackAddresses.Settings.class)
public class CallbackAddresses {

  /**
   * @param httpHosts hosts that may be called over plain HTTP (an intranet without certificates)
   * @param allowLoopback let calls reach this machine: for tests only
   */
  @ConfigurationProperties("appeals.webhooks")
  public record Settings(@DefaultValue List<String> httpHosts, @DefaultValue("false") boolean allowLoopback) {}

  private final Settings settings;

  public CallbackAddresses(Settings settings) {
    this.settings = settings;
  }

  /** Why this URL may not be called, or empty if it may: what its host resolves to now is checked too. */
  public Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || uri.getUserInfo() != null || uri.getFragment() != null) {
      return Optional.of("must be an absolute URL with a host, without user name or fragment");
    }
    if (!scheme.equals("https") && !(scheme.equals("http") && settings.httpHosts().contains(host.toLowerCase(Locale.ROOT)))) {
      return Optional.of("must be https, or http to a host named in appeals.webhooks.http-hosts");
    }
    if (url.length() > 500) {
      return Optional.of("must be at most 500 characters");
    }
    if (host.equalsIgnoreCase("localhost") && !settings.allowLoopback()) {
      return Optional.of("must not point at this machine");
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        Optional<String> refused = refusal(address);
        if (refused.isPresent()) {
          return refused;
        }
      }
    } catch (UnknownHostException e) {
      return Optional.of("has a host that cannot be found from here");
    }
    return Optional.empty();
  }

  /** The addresses a call to this URL would reach, each checked; throws if any may not be called. */
  public InetAddress[] resolveForCall(URI uri) throws UnknownHostException {
    InetAddress[] addresses = InetAddress.getAllByName(uri.getHost());
    for (InetAddress address : addresses) {
      Optional<String> refused = refusal(address);
      if (refused.isPresent()) {
        throw new UnknownHostException(uri.getHost() + " resolves to " + address.getHostAddress() + ", and the URL " + refused.get());
      }
    }
    return addresses;
  }

  private Optional<String> refusal(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
      return settings.allowLoopback() ? Optional.empty() : Optional.of("must not point at this machine");
    }
    if (address.isLinkLocalAddress() || address.isMulticastAddress() || isMetadataService(address)) {
      return Optional.of("must not point at a link-local, multicast or cloud metadata address");
    }
    return Optional.empty();
  }

  private static boolean isMetadataService(InetAddress address) {
    String text = address.getHostAddress();
    // AWS, GCP, Azure, Alibaba Cloud and Tencent Cloud metadata services.
    return text.equals("169.254.169.254") || text.equals("100.100.100.200") || text.startsWith("fd00:ec2:")
        || text.equals("169.254.0.23");
  }
}
