package io.github.b2cpermissions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What changed in one tenant between two of its reports: last night's, read back with {@code
 * ReportJson.fromJson}, and tonight's. Immutable.
 *
 * <ul>
 *   <li>{@link #revoked()}: roles the app held before and holds no more (required or excess);
 *   <li>{@link #newlyGranted()}: roles it holds now and did not before;
 *   <li>{@link #newlyPropagating()}: required roles now granted in the directory but not yet in
 *       the token, that were not propagating before;
 *   <li>{@link #outcomeChanged()}: the outcome before and after, when it changed;
 *   <li>{@link #tierZeroGranted()}: tier-0 roles (a path to Global Administrator in the Azure
 *       tiering model) held now and not before;
 *   <li>{@link #newlyRequired()}: roles the later report's profile requires and the earlier one's
 *       did not, when the profile changed (another profile, or another version of it: {@link
 *       #sinceProfileVersion()} is the earlier one's version).
 * </ul>
 *
 * <p>Roles are compared by their Microsoft Graph app role id. A diff with none of these is {@link
 * #isEmpty()}; what only the evidence changed (times, request counts, assignment ids) is no drift.
 */
public final class ReportDiff {
  private final String tenantId;
  private final VerificationReport before;
  private final VerificationReport after;
  private final List<GraphAppRole> revoked;
  private final List<GraphAppRole> newlyGranted;
  private final Set<GraphPermission> newlyPropagating;
  private final List<GraphAppRole> tierZeroGranted;
  private final Set<GraphPermission> newlyRequired;

  private ReportDiff(VerificationReport before, VerificationReport after) {
    this.tenantId = after.tenantId();
    this.before = before;
    this.after = after;
    Map<UUID, GraphAppRole> heldBefore = held(before);
    Map<UUID, GraphAppRole> heldAfter = held(after);
    this.revoked = minus(heldBefore, heldAfter);
    this.newlyGranted = minus(heldAfter, heldBefore);
    EnumSet<GraphPermission> propagating = EnumSet.noneOf(GraphPermission.class);
    for (RoleCheck c : after.roleChecks().values()) {
      RoleCheck earlier = before.roleChecks().get(c.role());
      if (c.status() == PermissionStatus.PROPAGATING
          && (earlier == null || earlier.status() != PermissionStatus.PROPAGATING)) {
        propagating.add(c.role());
      }
    }
    this.newlyPropagating = Collections.unmodifiableSet(propagating);
    List<GraphAppRole> zero = new ArrayList<>();
    for (GraphAppRole r : heldAfter.values()) {
      boolean tierZero = VerificationReport.privilegeOf(r)
          .map(PrivilegeClassification::isTierZero).orElse(false);
      if (tierZero && !heldBefore.containsKey(r.id())) {
        zero.add(r);
      }
    }
    this.tierZeroGranted = List.copyOf(zero);
    EnumSet<GraphPermission> required = EnumSet.noneOf(GraphPermission.class);
    if (profileChanged()) {
      required.addAll(after.profile().requiredRoles());
      required.removeAll(before.profile().requiredRoles());
    }
    this.newlyRequired = Collections.unmodifiableSet(required);
  }

  /**
   * The changes from {@code before} to {@code after}.
   *
   * @param before the earlier report
   * @param after the later report of the same tenant
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the reports are about different tenants (ids compared
   *     without regard to case)
   */
  public static ReportDiff between(VerificationReport before, VerificationReport after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (!before.tenantId().toLowerCase(Locale.ROOT)
        .equals(after.tenantId().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("a diff compares two reports of one tenant, not "
          + before.tenantId() + " and " + after.tenantId());
    }
    return new ReportDiff(before, after);
  }

  private static Map<UUID, GraphAppRole> held(VerificationReport report) {
    Map<UUID, GraphAppRole> held = new LinkedHashMap<>();
    report.heldRoles().forEach(r -> held.put(r.id(), r));
    return held;
  }

  private static List<GraphAppRole> minus(Map<UUID, GraphAppRole> a, Map<UUID, GraphAppRole> b) {
    return a.values().stream().filter(r -> !b.containsKey(r.id())).toList();
  }

  /** The tenant, as the later report names it. */
  public String tenantId() {
    return tenantId;
  }

  /** The earlier report. */
  public VerificationReport before() {
    return before;
  }

  /** The later report. */
  public VerificationReport after() {
    return after;
  }

  /** Roles held before and no longer, in the earlier report's order. */
  public List<GraphAppRole> revoked() {
    return revoked;
  }

  /** Roles held now and not before, in the later report's order. */
  public List<GraphAppRole> newlyGranted() {
    return newlyGranted;
  }

  /** Required roles propagating now that were not propagating before. */
  public Set<GraphPermission> newlyPropagating() {
    return newlyPropagating;
  }

  /** True when the outcome differs between the two reports. */
  public boolean outcomeChanged() {
    return before.outcome() != after.outcome();
  }

  /** The earlier outcome. */
  public VerificationOutcome outcomeBefore() {
    return before.outcome();
  }

  /** The later outcome. */
  public VerificationOutcome outcomeAfter() {
    return after.outcome();
  }

  /** Tier-0 roles held now and not before. */
  public List<GraphAppRole> tierZeroGranted() {
    return tierZeroGranted;
  }

  /** True when the reports were checked against different profiles or profile versions. */
  public boolean profileChanged() {
    return !before.profile().name().equals(after.profile().name())
        || before.profile().version() != after.profile().version();
  }

  /**
   * Roles the later profile requires and the earlier did not; empty unless {@link
   * #profileChanged()}.
   */
  public Set<GraphPermission> newlyRequired() {
    return newlyRequired;
  }

  /** The earlier report's profile version, when the profile changed. */
  public Optional<Integer> sinceProfileVersion() {
    return profileChanged() ? Optional.of(before.profile().version()) : Optional.empty();
  }

  /** True when nothing above changed. */
  public boolean isEmpty() {
    return revoked.isEmpty() && newlyGranted.isEmpty() && newlyPropagating.isEmpty()
        && !outcomeChanged() && tierZeroGranted.isEmpty() && newlyRequired.isEmpty();
  }

  /** A one-line summary: what changed, with role names; never a token or consent state. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ReportDiff{").append(tenantId);
    if (isEmpty()) {
      return sb.append(": no change}").toString();
    }
    if (outcomeChanged()) {
      sb.append(", outcome ").append(outcomeBefore()).append(" -> ").append(outcomeAfter());
    }
    appendRoles(sb, "revoked", revoked);
    appendRoles(sb, "granted", newlyGranted);
    appendRoles(sb, "tier-0 granted", tierZeroGranted);
    if (!newlyPropagating.isEmpty()) {
      sb.append(", propagating ").append(newlyPropagating.stream().map(GraphPermission::value)
          .toList());
    }
    if (!newlyRequired.isEmpty()) {
      sb.append(", newly required since ").append(before.profile()).append(' ')
          .append(newlyRequired.stream().map(GraphPermission::value).toList());
    }
    return sb.append('}').toString();
  }

  private static void appendRoles(StringBuilder sb, String label, List<GraphAppRole> roles) {
    if (!roles.isEmpty()) {
      sb.append(", ").append(label).append(' ')
          .append(roles.stream().map(GraphAppRole::value).toList());
    }
  }
}
