package io.github.b2cpermissions;

/**
 * How a tier-0 Microsoft Graph application permission leads to Global Administrator in the public
 * Azure tiering model by Emilien Socchi ({@code emiliensocchi/azure-tiering}, {@code
 * tiered-msgraph-app-permissions.json}).
 */
public enum TieringPath {
  /** The permission alone is enough to become Global Administrator or act as one. */
  DIRECT,
  /** The permission leads there in more than one step, for example by granting itself more. */
  INDIRECT
}
