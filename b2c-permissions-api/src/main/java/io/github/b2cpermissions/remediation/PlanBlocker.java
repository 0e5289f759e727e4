package io.github.b2cpermissions.remediation;

import io.github.b2cpermissions.GraphPermission;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One thing an app role assignment cannot fix, with what to do instead.
 *
 * @param kind what stands in the way
 * @param role the role concerned, for {@link BlockerKind#ROLE_NOT_OFFERED}; null otherwise
 * @param remedy what a person can do about it, in one sentence
 */
public record PlanBlocker(BlockerKind kind, @Nullable GraphPermission role, String remedy) {

  /**
   * Creates a blocker.
   *
   * @throws NullPointerException if {@code kind} or {@code remedy} is null
   * @throws IllegalArgumentException if {@code remedy} is blank, or {@code role} is given for a
   *     kind other than {@link BlockerKind#ROLE_NOT_OFFERED} or missing for that kind
   */
  public PlanBlocker {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(remedy, "remedy");
    if (remedy.isBlank()) {
      throw new IllegalArgumentException("remedy must not be blank");
    }
    if ((kind == BlockerKind.ROLE_NOT_OFFERED) != (role != null)) {
      throw new IllegalArgumentException("a role is named exactly for ROLE_NOT_OFFERED, not " + kind);
    }
  }

  /** The role concerned, if the blocker is about one role. */
  public Optional<GraphPermission> roleConcerned() {
    return Optional.ofNullable(role);
  }
}
