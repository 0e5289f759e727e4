package io.github.b2cpermissions;

import java.util.Objects;
import java.util.UUID;

/**
 * A Microsoft Graph app role, named by its value, id and display name. Reports use it for roles that
 * are not part of the {@link B2cBackupPermission} catalog: a narrower read role a tenant granted
 * instead of the required one, or an excess role beyond what a backup needs.
 *
 * @param value the permission value, for example {@code User.Read.All}; never blank
 * @param id the app role id, the same in every tenant of a cloud
 * @param displayName the display name Graph publishes; may be empty when unknown, never blank-padded
 */
public record GraphAppRole(String value, UUID id, String displayName) {

  /**
   * Creates an app role.
   *
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code value} is blank or contains white space
   */
  public GraphAppRole {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    if (value.isBlank()) {
      throw new IllegalArgumentException("app role value must not be blank");
    }
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("app role value must not contain white space: '" + value + "'");
    }
  }

  /** Returns {@code value (id)}, the form reports print. */
  @Override
  public String toString() {
    return value + " (" + id + ")";
  }
}
