package cn.changsha.appeals.query;

import cn.changsha.appeals.edge.security.ApiKeyDirectory;
import cn.changsha.appeals.schema.ApiKey;
import cn.changsha.appeals.streams.query.ReferenceQueries;
import cn.changsha.appeals.streams.routing.ReferenceChanges;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * API keys from this instance's global store of {@code sec-api-keys}: every instance holds all of
 * them. Every request is checked against it, and each read of the store takes the store's one
 * lock, on which request threads under load were seen waiting 10 ms and more (PERFORMANCE.md,
 * round nine). So the keys found are kept in memory until the store takes its next change (a key
 * issued or revoked), which drops them all: a revocation holds from the moment the store has it,
 * as before. Only keys in force are kept, so made-up keys cannot fill the memory.
 */
@Component
class ApiKeyStore implements ApiKeyDirectory {

  private final ReferenceQueries reference;
  private final ReferenceChanges changes;
  private volatile KeysFound found = new KeysFound(-1);

  ApiKeyStore(ReferenceQueries reference, ReferenceChanges changes) {
    this.reference = reference;
    this.changes = changes;
  }

  @Override
  public Optional<ApiKey> find(String keyHash) {
    // The count is read before the store, so what the store answers is at least as new as the
    // count it is kept under.
    Map<String, ApiKey> current = keysFoundAt(changes.apiKeyChanges());
    ApiKey known = current.get(keyHash);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ApiKey> stored = reference.apiKey(keyHash);
    stored.ifPresent(key -> current.put(keyHash, key));
    return stored;
  }

  private Map<String, ApiKey> keysFoundAt(long version) {
    KeysFound current = found;
    if (current.version() != version) {
      current = new KeysFound(version);
      found = current;
    }
    return current.keys();
  }

  private record KeysFound(long version, Map<String, ApiKey> keys) {
    KeysFound(long version) {
      this(version, new ConcurrentHashMap<>());
    }
  }
}
