package io.github.b2cpermissions.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * The sizes and times a {@link GraphPermissionVerifierBuilder} bounds the verifier with: the
 * request timeout, the fleet's and the in-flight requests' concurrency, and the per-tenant caches.
 * Each setter checks its argument and keeps the default until it is called. Not thread-safe, like
 * the builder that owns it.
 */
final class VerifierLimits {
  private Duration requestTimeout = Duration.ofSeconds(30);
  private int fleetConcurrency = GraphPermissionVerifier.DEFAULT_FLEET_CONCURRENCY;
  private int maxConcurrentRequests = GraphPermissionVerifier.DEFAULT_MAX_CONCURRENT_REQUESTS;
  private int tenantCacheSize = GraphPermissionVerifier.DEFAULT_TENANT_CACHE_SIZE;
  private Duration tenantCacheExpiry = GraphPermissionVerifier.DEFAULT_TENANT_CACHE_EXPIRY;
  private Duration tokenConfirmationExpiry =
      GraphPermissionVerifier.DEFAULT_TOKEN_CONFIRMATION_EXPIRY;

  /** Takes every limit of {@code other}. */
  void copyFrom(VerifierLimits other) {
    this.requestTimeout = other.requestTimeout;
    this.fleetConcurrency = other.fleetConcurrency;
    this.maxConcurrentRequests = other.maxConcurrentRequests;
    this.tenantCacheSize = other.tenantCacheSize;
    this.tenantCacheExpiry = other.tenantCacheExpiry;
    this.tokenConfirmationExpiry = other.tokenConfirmationExpiry;
  }

  void requestTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    this.requestTimeout = positive(timeout, "requestTimeout");
  }

  void fleetConcurrency(int concurrency) {
    if (concurrency < 1 || concurrency > 1024) {
      throw new IllegalArgumentException("fleetConcurrency must be 1 to 1024, was " + concurrency);
    }
    this.fleetConcurrency = concurrency;
  }

  void maxConcurrentRequests(int max) {
    this.maxConcurrentRequests = atLeastOne(max, "maxConcurrentRequests");
  }

  void tenantCacheSize(int size) {
    this.tenantCacheSize = atLeastOne(size, "tenantCacheSize");
  }

  void tenantCacheExpiry(Duration expiry) {
    this.tenantCacheExpiry = positive(expiry, "tenantCacheExpiry");
  }

  void tokenConfirmationExpiry(Duration expiry) {
    this.tokenConfirmationExpiry = positive(expiry, "tokenConfirmationExpiry");
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  int fleetConcurrency() {
    return fleetConcurrency;
  }

  int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  int tenantCacheSize() {
    return tenantCacheSize;
  }

  Duration tenantCacheExpiry() {
    return tenantCacheExpiry;
  }

  Duration tokenConfirmationExpiry() {
    return tokenConfirmationExpiry;
  }

  private static int atLeastOne(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
    return value;
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }
}
