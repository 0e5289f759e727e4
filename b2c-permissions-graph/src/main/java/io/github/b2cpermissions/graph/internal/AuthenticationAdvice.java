package io.github.b2cpermissions.graph.internal;

/** What an AADSTS code at token time means for a backup product, in one sentence. */
final class AuthenticationAdvice {
  private AuthenticationAdvice() {}

  static String forCode(int code) {
    switch (code) {
      case 7000215:
        return "the client secret is wrong: check the secret configured for the backup app";
      case 7000222:
        return "the client secret has expired: create a new secret for the backup app";
      case 700016:
        return "the backup app is not present in this tenant: the admin has not consented, or the"
            + " client id or tenant is wrong";
      case 7000112:
        return "the backup app is disabled in this tenant: ask the admin to enable it";
      case 90002:
        return "the tenant does not exist: check the tenant id or domain, and the cloud";
      case 90038:
        return "the tenant is in another national cloud: configure the verifier for that cloud";
      case 50194:
        return "the backup app is not multi-tenant: make it available to other tenants";
      case 65001:
      case 90094:
      case 90095:
        return "the admin has not consented to the backup app: send them the consent URL";
      default:
        return "see the AADSTS code in Microsoft's documentation";
    }
  }
}
