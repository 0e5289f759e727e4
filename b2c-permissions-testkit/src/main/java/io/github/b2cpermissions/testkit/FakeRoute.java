package io.github.b2cpermissions.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every route the fake serves, and for each Microsoft Graph route the application permissions that
 * allow it. This enum is the fake's single authorization table: a Graph request is allowed when the
 * token's {@code roles} contain every role of at least one entry of {@link #allowedBy()}. Entries
 * are listed as the Graph API reference page named by {@link #docsPage()} lists them, least
 * privileged first.
 *
 * <p>Roles the reference pages list that cannot apply to the fake are left out and say so in a
 * comment: {@code Application.ReadWrite.OwnedBy} only reaches objects the caller owns, and the fake
 * models no owners. Where a page omits a role that contains a listed one (a {@code ReadWrite} role
 * next to its {@code Read} role), the containing role is added and marked "implied".
 */
public enum FakeRoute {
  // ---- Microsoft Graph v1.0 -------------------------------------------------------------------

  /** {@code GET /v1.0/organization}. */
  LIST_ORGANIZATION(
      "GET",
      "/v1.0/organization",
      "organization-list",
      false,
      // Application: Organization.Read.All; higher: Directory.Read.All, Organization.ReadWrite.All,
      // Directory.ReadWrite.All.
      alternatives(
          any("Organization.Read.All"),
          any("Directory.Read.All"),
          any("Organization.ReadWrite.All"),
          any("Directory.ReadWrite.All"))),

  /** {@code GET /v1.0/organization/{id}}. */
  GET_ORGANIZATION(
      "GET",
      "/v1.0/organization/{id}",
      "organization-get",
      false,
      // Same table as the list.
      alternatives(
          any("Organization.Read.All"),
          any("Directory.Read.All"),
          any("Organization.ReadWrite.All"),
          any("Directory.ReadWrite.All"))),

  /**
   * {@code GET /v1.0/servicePrincipals(appId='{appId}')}: a service principal by its alternate key.
   * A caller may read its own service principal without any role.
   */
  GET_SERVICE_PRINCIPAL_BY_APP_ID(
      "GET",
      "/v1.0/servicePrincipals(appId='{appId}')",
      "serviceprincipal-get",
      true,
      // Application: Application.Read.All; higher: Application.ReadWrite.OwnedBy (owners only, not
      // modelled), Application.ReadWrite.All, Directory.Read.All; Directory.ReadWrite.All implied.
      alternatives(
          any("Application.Read.All"),
          any("Application.ReadWrite.All"),
          any("Directory.Read.All"),
          any("Directory.ReadWrite.All"))),

  /** {@code GET /v1.0/servicePrincipals/{id}}. A caller may read itself without any role. */
  GET_SERVICE_PRINCIPAL(
      "GET",
      "/v1.0/servicePrincipals/{id}",
      "serviceprincipal-get",
      true,
      // As above.
      alternatives(
          any("Application.Read.All"),
          any("Application.ReadWrite.All"),
          any("Directory.Read.All"),
          any("Directory.ReadWrite.All"))),

  /** {@code GET /v1.0/servicePrincipals}, with {@code $filter=appId eq '…'} or without. */
  LIST_SERVICE_PRINCIPALS(
      "GET",
      "/v1.0/servicePrincipals",
      "serviceprincipal-list",
      false,
      // Application: Application.Read.All; higher: Application.ReadWrite.OwnedBy (not modelled),
      // Application.ReadWrite.All, Directory.Read.All; Directory.ReadWrite.All implied.
      alternatives(
          any("Application.Read.All"),
          any("Application.ReadWrite.All"),
          any("Directory.Read.All"),
          any("Directory.ReadWrite.All"))),

  /** {@code GET /v1.0/servicePrincipals/{id}/appRoleAssignments}: what the principal was granted. */
  LIST_APP_ROLE_ASSIGNMENTS(
      "GET",
      "/v1.0/servicePrincipals/{id}/appRoleAssignments",
      "serviceprincipal-list-approleassignments",
      false,
      // Application: Application.Read.All; higher: Application.ReadWrite.All,
      // Application.ReadWrite.OwnedBy (not modelled), Directory.Read.All, Directory.ReadWrite.All.
      alternatives(
          any("Application.Read.All"),
          any("Application.ReadWrite.All"),
          any("Directory.Read.All"),
          any("Directory.ReadWrite.All"))),

  /** {@code GET /v1.0/servicePrincipals/{id}/appRoleAssignments/{assignmentId}}. */
  GET_APP_ROLE_ASSIGNMENT(
      "GET",
      "/v1.0/servicePrincipals/{id}/appRoleAssignments/{assignmentId}",
      "serviceprincipal-list-approleassignments",
      false,
      // Read like the list.
      alternatives(
          any("Application.Read.All"),
          any("Application.ReadWrite.All"),
          any("Directory.Read.All"),
          any("Directory.ReadWrite.All"))),

  /** {@code POST /v1.0/servicePrincipals/{id}/appRoleAssignments}: grants an app role. */
  CREATE_APP_ROLE_ASSIGNMENT(
      "POST",
      "/v1.0/servicePrincipals/{id}/appRoleAssignments",
      "serviceprincipal-post-approleassignments",
      false,
      // Application: AppRoleAssignment.ReadWrite.All and Application.Read.All; higher:
      // AppRoleAssignment.ReadWrite.All and Directory.Read.All; the ReadWrite forms of the second
      // role implied.
      alternatives(
          all("AppRoleAssignment.ReadWrite.All", "Application.Read.All"),
          all("AppRoleAssignment.ReadWrite.All", "Directory.Read.All"),
          all("AppRoleAssignment.ReadWrite.All", "Application.ReadWrite.All"),
          all("AppRoleAssignment.ReadWrite.All", "Directory.ReadWrite.All"))),

  /** {@code DELETE /v1.0/servicePrincipals/{id}/appRoleAssignments/{assignmentId}}: revokes. */
  DELETE_APP_ROLE_ASSIGNMENT(
      "DELETE",
      "/v1.0/servicePrincipals/{id}/appRoleAssignments/{assignmentId}",
      "serviceprincipal-delete-approleassignments",
      false,
      // Application: AppRoleAssignment.ReadWrite.All; some revisions of the page add
      // Application.ReadWrite.All as the higher privileged permission.
      alternatives(any("AppRoleAssignment.ReadWrite.All"), any("Application.ReadWrite.All"))),

  /** {@code GET /v1.0/servicePrincipals/{id}/appRoleAssignedTo}: grants of this resource's roles. */
  LIST_APP_ROLE_ASSIGNED_TO(
      "GET",
      "/v1.0/servicePrincipals/{id}/appRoleAssignedTo",
      "serviceprincipal-list-approleassignedto",
      false,
      // Application: Application.Read.All; higher: Application.ReadWrite.OwnedBy (not modelled),
      // Directory.Read.All, Application.ReadWrite.All, Directory.ReadWrite.All.
      alternatives(
          any("Application.Read.All"),
          any("Directory.Read.All"),
          any("Application.ReadWrite.All"),
          any("Directory.ReadWrite.All"))),

  /**
   * {@code POST /v1.0/$batch}: needs only a valid token; each request inside is authorized, routed
   * and faulted on its own.
   */
  BATCH("POST", "/v1.0/$batch", "json-batching", false, alternatives()),

  // ---- Microsoft identity platform ------------------------------------------------------------

  /** {@code POST /{tenant}/oauth2/v2.0/token}: the client credentials grant. */
  TOKEN("POST", "/{tenant}/oauth2/v2.0/token", "", false, alternatives()),

  /** {@code GET /{tenant}/adminconsent}: the v1 admin consent endpoint. */
  ADMIN_CONSENT("GET", "/{tenant}/adminconsent", "", false, alternatives()),

  /** {@code GET /{tenant}/v2.0/adminconsent}: the v2 admin consent endpoint. */
  ADMIN_CONSENT_V2("GET", "/{tenant}/v2.0/adminconsent", "", false, alternatives()),

  /** {@code GET /{tenant}/v2.0/.well-known/openid-configuration}. */
  OPENID_CONFIGURATION(
      "GET", "/{tenant}/v2.0/.well-known/openid-configuration", "", false, alternatives()),

  /** {@code GET /{tenant}/discovery/v2.0/keys}: the keys that sign the fake's tokens. */
  SIGNING_KEYS("GET", "/{tenant}/discovery/v2.0/keys", "", false, alternatives()),

  /** {@code GET /common/discovery/instance}: instance discovery, for clients that ask. */
  INSTANCE_DISCOVERY("GET", "/common/discovery/instance", "", false, alternatives());

  private static final String DOCS = "https://learn.microsoft.com/graph/api/";

  private final String method;
  private final String pathTemplate;
  private final String docsPage;
  private final boolean allowsSelf;
  private final List<Set<String>> allowedBy;

  FakeRoute(
      String method,
      String pathTemplate,
      String docsSlug,
      boolean allowsSelf,
      List<Set<String>> allowedBy) {
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.docsPage = docsSlug.isEmpty() ? "" : DOCS + docsSlug;
    this.allowsSelf = allowsSelf;
    this.allowedBy = allowedBy;
  }

  private static Set<String> any(String role) {
    return Set.of(role);
  }

  private static Set<String> all(String... roles) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(roles)));
  }

  @SafeVarargs
  private static List<Set<String>> alternatives(Set<String>... sets) {
    List<Set<String>> out = new ArrayList<>(sets.length);
    for (Set<String> set : sets) {
      out.add(set);
    }
    return Collections.unmodifiableList(out);
  }

  /** The HTTP method, such as {@code GET}. */
  public String method() {
    return method;
  }

  /** The path with placeholders in braces, such as {@code /v1.0/servicePrincipals/{id}}. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** Whether this is a Microsoft Graph route (under {@code /v1.0}) rather than a sign-in one. */
  public boolean isGraph() {
    return pathTemplate.startsWith("/v1.0/");
  }

  /**
   * The Graph API reference page the permissions come from, or an empty string for routes that
   * need no Graph permission.
   */
  public String docsPage() {
    return docsPage;
  }

  /**
   * The sets of application permissions that allow this route: a token is allowed when its roles
   * contain every member of at least one set. Least privileged first. Empty when the route needs
   * no permission ({@link #BATCH} and the sign-in routes).
   */
  public List<Set<String>> allowedBy() {
    return allowedBy;
  }

  /** Whether a service principal may call this route on itself without any permission. */
  public boolean allowsSelf() {
    return allowsSelf;
  }

  /**
   * Whether a token carrying {@code roles} may call this route (ignoring the self exception).
   *
   * @param roles the values of a token's {@code roles} claim
   * @return true when the route needs no permission or one set of {@link #allowedBy()} is covered
   * @throws NullPointerException if {@code roles} is null
   */
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
}
