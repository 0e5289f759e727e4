package io.github.b2cpermissions;

import java.util.Objects;

/**
 * A least-privilege finding of a report: the tenant granted a read-write role where its profile
 * only needs the role's read counterpart, for example "holds {@code User.ReadWrite.All}; the
 * backup-only profile needs {@code User.Read.All}".
 *
 * @param held the broader role the app holds
 * @param enough the narrower role the profile requires, which would do
 */
public record NarrowerRoleFinding(GraphPermission held, GraphPermission enough) {

  /**
   * Creates a finding.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code enough} is not {@code held}'s read counterpart
   */
  public NarrowerRoleFinding {
    Objects.requireNonNull(held, "held");
    Objects.requireNonNull(enough, "enough");
    if (held.readCounterpart().orElse(null) != enough) {
      throw new IllegalArgumentException(enough.value() + " is not the read counterpart of " + held.value());
    }
  }

  /** Returns {@code holds X; the profile needs Y}. */
  @Override
  public String toString() {
    return "holds " + held.value() + "; the profile needs " + enough.value();
  }
}
