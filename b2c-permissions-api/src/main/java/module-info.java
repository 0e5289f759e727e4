/**
 * The b2c-permissions API: the catalog of Microsoft Graph application permissions an Azure AD B2C
 * backup needs, the verification report model, and the {@code PermissionVerifier} and
 * {@code ConsentUrlBuilder} interfaces. This module has no runtime dependencies.
 */
module io.github.b2cpermissions {
  requires static transitive org.jspecify;

  exports io.github.b2cpermissions;
  // Shared helpers for our own Graph module only; not an API.
  exports io.github.b2cpermissions.internal to io.github.b2cpermissions.graph;
}
