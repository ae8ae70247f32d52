package cn.changsha.appeals.edge.security;

import cn.changsha.appeals.schema.ApiKey;
import java.util.Optional;

/** Where API keys are looked up, by the SHA-256 of the presented key. */
public interface ApiKeyDirectory {

  /** Empty if no such key (never issued, or revoked); throws if the directory cannot be read right now. */
  Optional<ApiKey> find(String keyHash);
}
