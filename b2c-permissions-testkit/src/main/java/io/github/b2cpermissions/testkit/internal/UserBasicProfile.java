package io.github.b2cpermissions.testkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code User.ReadBasic.All} alone lets an application read of a user. Microsoft's permission
 * table (the role's description in {@code permissions.json}) names the basic profile: display name,
 * first and last name, email address, photo, id and security identifier. Of the properties the fake
 * models, that is {@code id}, {@code displayName}, {@code givenName}, {@code surname} and {@code
 * mail}. A caller with only this role gets those properties by default, and 403 when its {@code
 * $select} names any other.
 */
final class UserBasicProfile {
  static final String ROLE = "User.ReadBasic.All";

  /** The basic profile properties, in the order of the default view. */
  static final List<String> VIEW = List.of("displayName", "givenName", "mail", "surname", "id");

  private static final Set<String> LOWER = Set.of("displayname", "givenname", "mail", "surname", "id");

  private UserBasicProfile() {}

  /** Whether the caller may read users only through the basic profile role. */
  static boolean only(GraphRequest op) {
    Set<String> roles = op.caller.roles;
    if (!roles.contains(ROLE)) {
      return false;
    }
    for (Set<String> option : op.route.allowedBy()) {
      if (!option.contains(ROLE) && roles.containsAll(option)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Refuses a {@code $select} beyond the basic profile.
   *
   * @throws GraphErrorException 403 naming no property, as Graph's refusal does
   */
  static void checkSelect(GraphRequest op) {
    String select = op.query("$select");
    if (select == null) {
      return;
    }
    for (String raw : select.split(",")) {
      String name = raw.trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty() && !LOWER.contains(name)) {
        throw GraphErrorException.forbidden();
      }
    }
  }

  /** The route's view for the caller: the basic profile, or {@code full}. */
  static List<String> defaultView(GraphRequest op, List<String> full) {
    if (!only(op)) {
      return full;
    }
    checkSelect(op);
    return VIEW;
  }
}
