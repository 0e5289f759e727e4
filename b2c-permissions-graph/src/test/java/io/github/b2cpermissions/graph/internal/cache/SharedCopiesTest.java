package io.github.b2cpermissions.graph.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.GraphAppRole;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tenants whose Graph answers the same role list share one copy; different lists stay apart. */
class SharedCopiesTest {
  private static final UUID READ = UUID.fromString("df021288-bdef-4463-88db-98f22de89214");
  private static final UUID WRITE = UUID.fromString("741f803b-c850-494e-b5df-cde7c675a1ca");

  /** A fresh copy, as each tenant's parsed answer is. */
  private static Map<UUID, GraphAppRole> list(boolean withWrite) {
    Map<UUID, GraphAppRole> roles = new HashMap<>();
    roles.put(READ, new GraphAppRole(new String("User.Read.All"), READ, "Read all users"));
    if (withWrite) {
      roles.put(WRITE, new GraphAppRole("User.ReadWrite.All", WRITE, "Read and write all users"));
    }
    return Map.copyOf(roles);
  }

  @Test
  void anEqualListOfAnotherTenantIsAnsweredWithTheListAlreadyHeld() {
    SharedCopies<Map<UUID, GraphAppRole>> lists = new SharedCopies<>();
    Map<UUID, GraphAppRole> first = list(true);
    Map<UUID, GraphAppRole> second = list(true);
    assertThat(second).isNotSameAs(first).isEqualTo(first);

    assertThat(lists.shared(first)).isSameAs(first);
    assertThat(lists.shared(second)).isSameAs(first);
    assertThat(lists.size()).isEqualTo(1);
  }

  @Test
  void aListThatDiffersIsKeptApart() {
    SharedCopies<Map<UUID, GraphAppRole>> lists = new SharedCopies<>();
    Map<UUID, GraphAppRole> both = list(true);
    Map<UUID, GraphAppRole> readOnly = list(false);

    assertThat(lists.shared(both)).isSameAs(both);
    assertThat(lists.shared(readOnly)).isSameAs(readOnly).doesNotContainKey(WRITE);
    assertThat(lists.shared(list(true))).isSameAs(both);
    assertThat(lists.size()).isEqualTo(2);
  }
}
