package cn.changsha.appeals.query;

import cn.changsha.appeals.edge.security.ClusterSecret;
import cn.changsha.appeals.edge.security.PeerAuthenticationFilter;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class PeerClientConfiguration {

  /** Forwarded queries must fail fast when a peer is gone, not hang the caller. */
  @Bean
  RestClient peerClient(RestClient.Builder builder, ClusterSecret secret) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    requests.setReadTimeout(Duration.ofSeconds(5));
    return builder.requestFactory(requests).defaultHeader(PeerAuthenticationFilter.HEADER, secret.peerToken()).build();
  }
}
