package io.github.b2cpermissions.testkit.internal;

import java.time.Instant;

/** A Graph role revoked at an instant: tokens keep it until the propagation delay has passed. */
final class Revocation {
  final String role;
  final Instant at;

  Revocation(String role, Instant at) {
    this.role = role;
    this.at = at;
  }
}
