package io.github.b2cpermissions.testkit.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A service principal of a tenant as a lookup found it: Microsoft Graph, the backup app or another resource. */
final class ServicePrincipalRef {
  /** What a service principal id or app id resolved to. */
  enum Kind {
    GRAPH,
    BACKUP,
    OTHER
  }

  final Kind kind;
  final UUID id;
  final String appId;
  final String displayName;
  final boolean enabled;
  final @Nullable OtherResource other;

  ServicePrincipalRef(Kind kind, UUID id, String appId, String displayName, boolean enabled, @Nullable OtherResource other) {
    this.kind = kind;
    this.id = id;
    this.appId = appId;
    this.displayName = displayName;
    this.enabled = enabled;
    this.other = other;
  }
}
