package io.github.b2cpermissions.spring;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import io.github.b2cpermissions.FailureKind;
import io.github.b2cpermissions.TenantVerification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the verifier itself can work, from what it already knows: the credential's token for a
 * canary tenant (asked at most once per cache period, however often health is probed) and the
 * failures of the last scheduled fleet run. It never sends a Graph request. A tenant that lacks
 * permissions is that tenant's problem, not the verifier's, and does not make health DOWN; a check
 * that could not finish does.
 */
final class VerifierHealthIndicator implements HealthIndicator {
  private static final Logger LOG = LoggerFactory.getLogger(VerifierHealthIndicator.class);
  private static final Duration TOKEN_WAIT = Duration.ofSeconds(30);

  private record CanaryAnswer(Instant askedAt, long askedAtNanos, @Nullable String failure) {}

  private final @Nullable StarterCredential credential;
  private final @Nullable String canaryTenant;
  private final Duration cacheTtl;
  private final Supplier<Optional<LastFleetRun.Run>> lastFleetRun;
  private final Clock clock;
  private @Nullable CanaryAnswer canary;

  VerifierHealthIndicator(@Nullable StarterCredential credential, @Nullable String canaryTenant,
      Duration cacheTtl, Supplier<Optional<LastFleetRun.Run>> lastFleetRun, Clock clock) {
    this.credential = credential;
    this.canaryTenant = canaryTenant;
    this.cacheTtl = cacheTtl;
    this.lastFleetRun = lastFleetRun;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    boolean down = false;
    if (canaryTenant != null && credential != null) {
      CanaryAnswer answer = canaryAnswer(credential, canaryTenant);
      health.withDetail("canaryTenant", canaryTenant)
          .withDetail("canaryCheckedAt", answer.askedAt().toString());
      if (answer.failure() != null) {
        health.withDetail("canaryToken", "failed: " + answer.failure());
        down = true;
      } else {
        health.withDetail("canaryToken", "acquired");
      }
    } else {
      health.withDetail("canaryTenant", "(not configured)");
    }
    Optional<LastFleetRun.Run> run = lastFleetRun.get();
    if (run.isPresent()) {
      var fleet = run.get().fleet();
      Map<String, Integer> kinds = new TreeMap<>();
      for (TenantVerification f : fleet.failures()) {
        kinds.merge(f.failureKind().map(FailureKind::name).orElse("UNKNOWN"), 1, Integer::sum);
      }
      health.withDetail("lastFleetRun", run.get().finishedAt().toString())
          .withDetail("lastFleetTenants", fleet.results().size())
          .withDetail("lastFleetFailures", kinds);
      down |= !kinds.isEmpty();
    }
    if (down) {
      health.down();
    }
    return health.build();
  }

  /** The cached answer, or a new one when the cache period has passed. */
  private synchronized CanaryAnswer canaryAnswer(StarterCredential c, String tenant) {
    CanaryAnswer cached = canary;
    if (cached != null && System.nanoTime() - cached.askedAtNanos() < cacheTtl.toNanos()) {
      return cached;
    }
    String failure = null;
    try {
      TokenRequestContext request = new TokenRequestContext()
          .addScopes(c.cloud().graphDefaultScope()).setTenantId(tenant);
      AccessToken token = c.credential().getToken(request).block(TOKEN_WAIT);
      if (token == null || token.getToken() == null || token.getToken().isEmpty()) {
        failure = "the credential returned no token";
      }
    } catch (RuntimeException e) {
      failure = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
    }
    if (failure != null) {
      LOG.warn("b2c-permissions health: no token for canary tenant {}: {}", tenant, failure);
    }
    CanaryAnswer answer = new CanaryAnswer(clock.instant(), System.nanoTime(), failure);
    canary = answer;
    return answer;
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "(no message)";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  @Override
  public String toString() {
    return "VerifierHealthIndicator{canaryTenant=" + canaryTenant + ", cacheTtl=" + cacheTtl + "}";
  }
}
