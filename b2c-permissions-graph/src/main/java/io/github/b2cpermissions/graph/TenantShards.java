package io.github.b2cpermissions.graph;

import io.github.b2cpermissions.graph.internal.tenant.TenantIdentifiers;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Splits a fleet among workers: {@link #shardOf(String, int)} maps a tenant id to one of N shards,
 * the same on every JVM, version and run, so a scheduler can hand each worker the tenants of its
 * shard (for example to {@link GraphPermissionVerifier#verifyEach(java.util.Iterator,
 * java.util.function.Consumer)}). The mapping is a 64-bit FNV-1a hash of the id in lower case,
 * reduced modulo N: ids differing only in case land together, and shards are even in size for
 * random GUIDs. It is not consistent hashing: changing N moves most tenants.
 */
public final class TenantShards {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private TenantShards() {}

  /**
   * The shard of {@code tenantId}, from 0 to {@code shardCount - 1}.
   *
   * @param tenantId a tenant GUID or domain
   * @param shardCount how many shards, at least 1
   * @return the shard
   * @throws NullPointerException if {@code tenantId} is null
   * @throws IllegalArgumentException if {@code shardCount} is less than 1 or the id is malformed
   */
  public static int shardOf(String tenantId, int shardCount) {
    Objects.requireNonNull(tenantId, "tenantId");
    if (shardCount < 1) {
      throw new IllegalArgumentException("shardCount must be at least 1, was " + shardCount);
    }
    String id = TenantIdentifiers.requireTenant(tenantId).toLowerCase(Locale.ROOT);
    long h = FNV_OFFSET;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return (int) Long.remainderUnsigned(h, shardCount);
  }
}
