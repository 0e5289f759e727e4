package io.github.b2cpermissions.testkit.internal;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the fake's route table as the server reads it: the route's name, HTTP method, path
 * template and the application permissions that allow it. The public table builds these rows and
 * hands them to the server, so that nothing in this package names the public table. Rows are
 * compared by identity: a server holds one row per route.
 */
public final class Route {
  private final String name;
  private final String method;
  private final String pathTemplate;
  private final boolean allowsSelf;
  private final List<Set<String>> allowedBy;

  /**
   * Creates a row.
   *
   * @param name the route's name, unique in its table, such as {@code LIST_USERS}
   * @param method the HTTP method, such as {@code GET}
   * @param pathTemplate the path with placeholders in braces
   * @param allowsSelf whether a service principal may call the route on itself without a role
   * @param allowedBy the role sets that allow the route, least privileged first; empty for none
   * @throws NullPointerException if a reference argument is null
   */
  public Route(
      String name, String method, String pathTemplate, boolean allowsSelf, List<Set<String>> allowedBy) {
    this.name = Objects.requireNonNull(name, "name");
    this.method = Objects.requireNonNull(method, "method");
    this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
    this.allowsSelf = allowsSelf;
    this.allowedBy = List.copyOf(allowedBy);
  }

  /** The route's name in its table. */
  public String name() {
    return name;
  }

  /** Whether this is the route named {@code routeName}. */
  public boolean is(String routeName) {
    return name.equals(routeName);
  }

  /** The HTTP method, such as {@code GET}. */
  public String method() {
    return method;
  }

  /** The path with placeholders in braces, such as {@code /v1.0/users/{id}}. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** Whether the route is under {@code /v1.0} or {@code /beta} rather than a sign-in route. */
  public boolean isGraph() {
    return pathTemplate.startsWith("/v1.0/") || pathTemplate.startsWith("/beta/");
  }

  /** {@code v1.0} or {@code beta} for a Graph route; empty for a sign-in route. */
  public String apiVersion() {
    return isGraph() ? pathTemplate.substring(1, pathTemplate.indexOf('/', 1)) : "";
  }

  /** Whether a service principal may call the route on itself without any role. */
  public boolean allowsSelf() {
    return allowsSelf;
  }

  /** The role sets that allow the route, least privileged first; empty when it needs none. */
  public List<Set<String>> allowedBy() {
    return allowedBy;
  }

  /** Whether {@code roles} cover one of the role sets (always, for a route that needs none). */
  public boolean isAllowedBy(Set<String> roles) {
    if (allowedBy.isEmpty()) {
      return true;
    }
    for (Set<String> option : allowedBy) {
      if (roles.containsAll(option)) {
        return true;
      }
    }
    return false;
  }

  /** The route's name. */
  @Override
  public String toString() {
    return name;
  }
}
