package io.github.b2cpermissions.testkit.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A resource service principal other than Graph and the backup app. */
final class OtherResource {
  final UUID id;
  final String appId;
  final String displayName;
  final Set<UUID> roleIds = new LinkedHashSet<>();

  OtherResource(UUID id, String appId, String displayName) {
    this.id = id;
    this.appId = appId;
    this.displayName = displayName;
  }
}
