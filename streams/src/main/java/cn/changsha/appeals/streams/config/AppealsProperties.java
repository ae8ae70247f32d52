package cn.changsha.appeals.streams.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of one instance, under the {@code appeals.} prefix.
 *
 * @param dataDir where the in-process broker's log and the Streams state live; keep it out of /tmp
 * @param partitions partitions of the appeal topics: the most instances that can share the work
 * @param replicationFactor replicas of every topic, 1 on the in-process broker, 3 on a cluster
 * @param standbyReplicas warm copies of each state store on other instances, for reads during a failover
 * @param advertisedHost the host name other instances use to forward queries to this one
 * @param instanceId stable name of this instance (static group membership); derived from host and port if empty
 * @param lastResortDepartment the department that receives what no routing rule claims
 * @param commandTimeout how long an HTTP call waits for the topology to answer a command
 * @param commitInterval how often the topology commits its transaction, making its output visible
 */
@ConfigurationProperties("appeals")
public record AppealsProperties(
    @DefaultValue("data") Path dataDir,
    @DefaultValue("6") int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("0") int standbyReplicas,
    @DefaultValue("localhost") String advertisedHost,
    String instanceId,
    @DefaultValue("CS-OPT") String lastResortDepartment,
    @DefaultValue("10s") Duration commandTimeout,
    @DefaultValue("30ms") Duration commitInterval) {

  public String instanceIdOr(int port) {
    return instanceId == null || instanceId.isBlank() ? "appeals-" + advertisedHost + "-" + port : instanceId;
  }
}
