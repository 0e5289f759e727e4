package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantShardsTest {

  @Test
  void aTenantAlwaysLandsInTheSameShardWhateverItsCase() {
    String id = "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b";
    int shard = TenantShards.shardOf(id, 7);
    assertThat(TenantShards.shardOf(id.toUpperCase(Locale.ROOT), 7)).isEqualTo(shard);
    assertThat(TenantShards.shardOf(id, 7)).isEqualTo(shard);
    assertThat(shard).isBetween(0, 6);
  }

  @Test
  void theMappingIsFixedAcrossRunsAndVersions() {
    // FNV-1a 64 of the lower-case id, modulo N, computed independently of the code under test.
    String id = "contoso.onmicrosoft.com";
    long h = 0xcbf29ce484222325L;
    for (char c : id.toCharArray()) {
      h ^= c;
      h *= 0x100000001b3L;
    }
    assertThat(TenantShards.shardOf("Contoso.onmicrosoft.com", 1000))
        .isEqualTo((int) Long.remainderUnsigned(h, 1000));
  }

  @Test
  void randomTenantsSpreadEvenlyOverTheShards() {
    int[] counts = new int[8];
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 8000; i++) {
      counts[TenantShards.shardOf(new UUID(random.nextLong(), random.nextLong()).toString(), 8)]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(850, 1150);
    }
  }

  @Test
  void oneShardHoldsEveryTenantAndBadArgumentsAreRefused() {
    assertThat(TenantShards.shardOf(UUID.randomUUID().toString(), 1)).isZero();
    assertThatThrownBy(() -> TenantShards.shardOf("contoso.onmicrosoft.com", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TenantShards.shardOf("not a tenant", 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TenantShards.shardOf(null, 3)).isInstanceOf(NullPointerException.class);
  }
}
