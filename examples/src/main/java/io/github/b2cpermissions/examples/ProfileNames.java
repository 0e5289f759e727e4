package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.PermissionProfile;
import java.util.ArrayList;
import java.util.List;

/** Turns {@code --profile} values into profiles, with a usage error naming the known ones. */
final class ProfileNames {
  private ProfileNames() {}

  /**
   * The profiles named, in order.
   *
   * @throws IllegalArgumentException for a name no profile has
   */
  static List<PermissionProfile> parse(List<String> names) {
    List<PermissionProfile> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(parse(name));
    }
    return chosen;
  }

  /**
   * The profile named {@code name}.
   *
   * @throws IllegalArgumentException for a name no profile has
   */
  static PermissionProfile parse(String name) {
    return PermissionProfile.byName(name).orElseThrow(() ->
        new IllegalArgumentException("unknown profile " + name + "; known: "
            + PermissionProfile.all().stream().map(PermissionProfile::name).toList()));
  }
}
