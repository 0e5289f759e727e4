package io.github.b2cpermissions.graph.internal.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Graph's app role list is trusted only where it agrees with the catalog. */
class DirectoryReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CallContext ctx = new CallContext("t", Long.MAX_VALUE);

  private static JsonNode roles(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void agreeingRolesAreKept() throws Exception {
    var map = DirectoryReader.crossChecked(ctx, roles("[{\"id\":\"741f803b-c850-494e-b5df-cde7c675a1ca\","
        + "\"value\":\"User.ReadWrite.All\",\"displayName\":\"x\",\"isEnabled\":true},"
        + "{\"id\":\"" + UUID.randomUUID() + "\",\"value\":\"Some.Other.Role\",\"isEnabled\":true}]"));
    assertThat(map).hasSize(2);
    assertThat(map.get(B2cBackupPermission.USER_READ_WRITE_ALL.appRoleId()).value())
        .isEqualTo("User.ReadWrite.All");
  }

  @Test
  void disabledOrUnflaggedRolesAreLeftOut() throws Exception {
    var map = DirectoryReader.crossChecked(ctx, roles("[{\"id\":\"741f803b-c850-494e-b5df-cde7c675a1ca\","
        + "\"value\":\"User.ReadWrite.All\",\"isEnabled\":false},"
        + "{\"id\":\"" + UUID.randomUUID() + "\",\"value\":\"Some.Other.Role\"},"
        + "{\"id\":\"" + UUID.randomUUID() + "\",\"value\":\"Kept.Role\",\"isEnabled\":true}]"));
    assertThat(map.values()).extracting(r -> r.value()).containsExactly("Kept.Role");
  }

  @Test
  void narrowerIdUnderACatalogNameFailsClosed() {
    // User.Read.All's id presented as User.ReadWrite.All must never make the wider role count.
    assertThatThrownBy(() -> DirectoryReader.crossChecked(ctx, roles(
        "[{\"id\":\"df021288-bdef-4463-88db-98f22de89214\",\"value\":\"User.ReadWrite.All\"}]")))
        .isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("disagrees with the catalog");
  }

  @Test
  void catalogIdUnderAnotherNameFailsClosed() {
    assertThatThrownBy(() -> DirectoryReader.crossChecked(ctx, roles(
        "[{\"id\":\"741f803b-c850-494e-b5df-cde7c675a1ca\",\"value\":\"User.Read.All\"}]")))
        .isInstanceOf(UnexpectedGraphResponseException.class);
  }

  @Test
  void unusableEntriesAreSkipped() throws Exception {
    assertThat(DirectoryReader.crossChecked(ctx, roles(
        "[{\"id\":\"nope\",\"value\":\"A.B\"},{\"id\":\"" + UUID.randomUUID()
            + "\",\"value\":\"has space\"}]"))).isEmpty();
  }
}
