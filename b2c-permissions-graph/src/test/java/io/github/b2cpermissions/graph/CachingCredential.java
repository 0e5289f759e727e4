package io.github.b2cpermissions.graph;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * Caches one token like MSAL does against Entra ID: the cached token is returned until it expires,
 * unless the request carries claims (which makes MSAL bypass its cache). Test double.
 */
final class CachingCredential implements TokenCredential {
  private final TokenCredential delegate;
  private final AtomicReference<AccessToken> cached = new AtomicReference<>();
  final AtomicInteger freshRequests = new AtomicInteger();

  CachingCredential(TokenCredential delegate) {
    this.delegate = delegate;
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    AccessToken current = cached.get();
    if (current != null && request.getClaims() == null && !current.isExpired()) {
      return Mono.just(current);
    }
    if (request.getClaims() != null) {
      freshRequests.incrementAndGet();
    }
    return delegate.getToken(request).doOnNext(cached::set);
  }
}
