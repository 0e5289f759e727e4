package io.github.b2cpermissions.testkit.internal;

import java.util.List;

/** The last token the token endpoint issued here, for reuse; see {@code TokenEndpoint}. */
final class IssuedToken {
  final String token;
  final String clientId;
  final boolean certificate;
  final List<String> roles;
  final long issuedAt;
  final long expiresAt;
  final long epoch;

  IssuedToken(String token, String clientId, boolean certificate, List<String> roles, long issuedAt, long expiresAt, long epoch) {
    this.token = token;
    this.clientId = clientId;
    this.certificate = certificate;
    this.roles = roles;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
    this.epoch = epoch;
  }
}
