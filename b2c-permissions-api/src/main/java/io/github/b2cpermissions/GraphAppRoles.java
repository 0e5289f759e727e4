package io.github.b2cpermissions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft Graph app roles this library can name without asking a tenant: the fourteen of the
 * catalog, their narrower read roles, and broader or neighbouring roles a report may meet as excess
 * grants. Ids of app roles are the same in every tenant of a cloud, so a report built from a token's
 * {@code roles} claim (values only) or from assignments (ids only) can still name both.
 */
public final class GraphAppRoles {

  private static final Map<String, GraphAppRole> BY_VALUE = new LinkedHashMap<>();
  private static final Map<UUID, GraphAppRole> BY_ID = new LinkedHashMap<>();

  static {
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      add(p.asAppRole());
      p.readCounterpart().ifPresent(GraphAppRoles::add);
    }
    add("Application.ReadWrite.OwnedBy", "18a4783c-866b-4cc7-a460-3d5e5662c884",
        "Manage apps that this app creates or owns");
    add("Directory.ReadWrite.All", "19dbc75e-c2e2-444c-a770-ec69d8559fc7",
        "Read and write directory data");
    add("RoleManagement.Read.All", "c7fbd983-d9aa-4fa7-84b8-17382c103bc4",
        "Read role management data for all RBAC providers");
    add("User.ReadBasic.All", "97235f07-e226-4f63-ace3-39588e11d3a1",
        "Read all users' basic profiles");
    add("Group.Read.All", "5b567255-7703-4780-807c-7be8301ae99b", "Read all groups");
    add("Group.ReadWrite.All", "62a82d76-70ea-41e2-9197-370581804d09",
        "Read and write all groups");
    add("User-PasswordProfile.ReadWrite.All", "cc117bb9-00cf-4eb8-b580-ea2a878fe8f7",
        "Read and write all password profiles and reset user passwords");
    add("Organization.Read.All", "498476ce-e0fe-48b0-b801-37ba7e2685c6",
        "Read organization information");
    add("Policy.ReadWrite.TrustFramework", "79a677f7-b79d-40d0-a36a-3e6f8688dd7a",
        "Read and write your organization's trust framework policies");
    add("Policy.Read.All", "246dd0d5-5bd0-4def-940b-0421030a5b68",
        "Read your organization's policies");
    add("TrustFrameworkKeySet.ReadWrite.All", "4a771c9a-1cf2-4609-b88e-3d3e02d539cd",
        "Read and write trust framework key sets");
    add("TrustFrameworkKeySet.Read.All", "fff194f1-7dce-4428-8301-1badb5518201",
        "Read trust framework key sets");
  }

  private GraphAppRoles() {}

  private static void add(String value, String id, String displayName) {
    add(new GraphAppRole(value, UUID.fromString(id), displayName));
  }

  private static void add(GraphAppRole role) {
    BY_VALUE.put(role.value(), role);
    BY_ID.put(role.id(), role);
  }

  /**
   * Finds a known role by its exact, case-sensitive value.
   *
   * @param value a permission value such as {@code User.Read.All}; may be null
   * @return the role, or empty when unknown, blank or null
   */
  public static Optional<GraphAppRole> byValue(@Nullable String value) {
    return Optional.ofNullable(value).map(BY_VALUE::get);
  }

  /**
   * Finds a known role by its id.
   *
   * @param id an app role id; may be null
   * @return the role, or empty when unknown or null
   */
  public static Optional<GraphAppRole> byId(@Nullable UUID id) {
    return Optional.ofNullable(id).map(BY_ID::get);
  }

  /** Every known role, catalog roles first, as an unmodifiable list. */
  public static List<GraphAppRole> known() {
    return Collections.unmodifiableList(List.copyOf(BY_VALUE.values()));
  }
}
