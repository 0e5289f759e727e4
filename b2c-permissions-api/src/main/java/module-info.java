/**
 * The b2c-permissions API: the catalog of Microsoft Graph application permissions an Azure AD B2C
 * backup needs, the verification report model, the {@code PermissionVerifier} and
 * {@code ConsentUrlBuilder} interfaces, and the remediation plan that closes a report's gap. This
 * module has no runtime dependencies.
 */
module io.github.b2cpermissions {
  requires static transitive org.jspecify;

  exports io.github.b2cpermissions;
  exports io.github.b2cpermissions.remediation;
  // Shared helpers for our own Graph module only; not an API.
  exports io.github.b2cpermissions.internal to io.github.b2cpermissions.graph;
}
