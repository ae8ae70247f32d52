package cn.changsha.appeals.query;

import cn.changsha.appeals.edge.security.ApiKeyDirectory;
import cn.changsha.appeals.schema.ApiKey;
import cn.changsha.appeals.streams.query.ReferenceQueries;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** API keys from this instance's global table of {@code sec-api-keys}: every instance holds all of them. */
@Component
class ApiKeyStore implements ApiKeyDirectory {

  private final ReferenceQueries reference;

  ApiKeyStore(ReferenceQueries reference) {
    this.reference = reference;
  }

  @Override
  public Optional<ApiKey> find(String keyHash) {
    return reference.apiKey(keyHash);
  }
}
