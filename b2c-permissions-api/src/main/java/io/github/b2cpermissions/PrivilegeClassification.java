package io.github.b2cpermissions;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * How privileged a Microsoft Graph application permission is, by three published sources. They do
 * not always agree, so each is kept as it is, next to the others:
 *
 * <ul>
 *   <li>Microsoft's own {@code privilegeLevel} of the permission's Application scheme, from {@code
 *       microsoftgraph/microsoft-graph-devx-content} {@code permissions/new/permissions.json}
 *       (commit 6cbd6bbd); a higher number is more privileged;
 *   <li>the tier in Emilien Socchi's Azure tiering model ({@code emiliensocchi/azure-tiering},
 *       {@code tiered-msgraph-app-permissions.json}, commit 5edc6755): 0 is a path to Global
 *       Administrator, with the {@linkplain #tieringPath() path} direct or indirect;
 *   <li>the {@link EamTier} of the Enterprise Access Model classification ({@code
 *       Cloud-Architekt/AzurePrivilegedIAM}, {@code Classification/Classification_AppRoles.json},
 *       commit f14538fd), which EntraOps uses.
 * </ul>
 *
 * <p>A public model that does not classify a permission leaves its part empty. Immutable.
 */
public final class PrivilegeClassification {
  private final int microsoftPrivilegeLevel;
  private final @Nullable Integer tieringTier;
  private final @Nullable TieringPath tieringPath;
  private final @Nullable EamTier eamTier;

  private PrivilegeClassification(
      int microsoftPrivilegeLevel,
      @Nullable Integer tieringTier,
      @Nullable TieringPath tieringPath,
      @Nullable EamTier eamTier) {
    this.microsoftPrivilegeLevel = microsoftPrivilegeLevel;
    this.tieringTier = tieringTier;
    this.tieringPath = tieringPath;
    this.eamTier = eamTier;
  }

  /**
   * A classification.
   *
   * @param microsoftPrivilegeLevel Microsoft's {@code privilegeLevel}, 1 or more
   * @param tieringTier the Azure tiering model's tier (0, 1 or 2), or null when it does not classify
   *     the permission
   * @param tieringPath how a tier-0 permission reaches Global Administrator; null for other tiers
   * @param eamTier the Enterprise Access Model tier, or null when it does not classify the permission
   * @throws IllegalArgumentException if the level is below 1, the tier is not 0, 1 or 2, or a path
   *     is given for a tier other than 0
   */
  public static PrivilegeClassification of(
      int microsoftPrivilegeLevel,
      @Nullable Integer tieringTier,
      @Nullable TieringPath tieringPath,
      @Nullable EamTier eamTier) {
    if (microsoftPrivilegeLevel < 1) {
      throw new IllegalArgumentException(
          "Microsoft's privilegeLevel is 1 or more, was " + microsoftPrivilegeLevel);
    }
    if (tieringTier != null && (tieringTier < 0 || tieringTier > 2)) {
      throw new IllegalArgumentException("a tiering tier is 0, 1 or 2, was " + tieringTier);
    }
    if (tieringPath != null && !Integer.valueOf(0).equals(tieringTier)) {
      throw new IllegalArgumentException("only a tier-0 permission has a path, tier is " + tieringTier);
    }
    return new PrivilegeClassification(microsoftPrivilegeLevel, tieringTier, tieringPath, eamTier);
  }

  /** Microsoft's {@code privilegeLevel} of the Application scheme; higher is more privileged. */
  public int microsoftPrivilegeLevel() {
    return microsoftPrivilegeLevel;
  }

  /** The tier in the Azure tiering model (0 is a path to Global Administrator), when classified. */
  public OptionalInt tieringTier() {
    return tieringTier == null ? OptionalInt.empty() : OptionalInt.of(tieringTier);
  }

  /** For a tier-0 permission, whether it reaches Global Administrator directly or indirectly. */
  public Optional<TieringPath> tieringPath() {
    return Optional.ofNullable(tieringPath);
  }

  /** The Enterprise Access Model tier, when classified. */
  public Optional<EamTier> eamTier() {
    return Optional.ofNullable(eamTier);
  }

  /** True when the Azure tiering model puts this permission in tier 0: a path to Global Admin. */
  public boolean isTierZero() {
    return tieringTier != null && tieringTier == 0;
  }

  /** A short form such as {@code ms=4 tier=0/Indirect eam=ControlPlane}; "-" where unclassified. */
  @Override
  public String toString() {
    return "ms=" + microsoftPrivilegeLevel
        + " tier=" + (tieringTier == null ? "-" : tieringTier.toString())
        + (tieringPath == null ? "" : "/" + (tieringPath == TieringPath.DIRECT ? "Direct" : "Indirect"))
        + " eam=" + (eamTier == null ? "-" : eamName(eamTier));
  }

  private static String eamName(EamTier tier) {
    switch (tier) {
      case CONTROL_PLANE:
        return "ControlPlane";
      case MANAGEMENT_PLANE:
        return "ManagementPlane";
      default:
        return "UserAccess";
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PrivilegeClassification)) {
      return false;
    }
    PrivilegeClassification c = (PrivilegeClassification) o;
    return microsoftPrivilegeLevel == c.microsoftPrivilegeLevel
        && Objects.equals(tieringTier, c.tieringTier)
        && tieringPath == c.tieringPath
        && eamTier == c.eamTier;
  }

  @Override
  public int hashCode() {
    return Objects.hash(microsoftPrivilegeLevel, tieringTier, tieringPath, eamTier);
  }
}
