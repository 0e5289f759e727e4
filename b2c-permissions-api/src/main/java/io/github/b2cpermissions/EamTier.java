package io.github.b2cpermissions;

/**
 * The tier of a Microsoft Graph application permission in the Enterprise Access Model
 * classification by Thomas Naunheim ({@code Cloud-Architekt/AzurePrivilegedIAM}, {@code
 * Classification/Classification_AppRoles.json}), the classification EntraOps applies.
 */
public enum EamTier {
  /** Control over identities or the directory's security: the most privileged tier. */
  CONTROL_PLANE,
  /** Management of workloads and configuration without control of identity security. */
  MANAGEMENT_PLANE,
  /** Access to user or directory data, without management rights. */
  USER_ACCESS
}
