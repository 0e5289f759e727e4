package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2cpermissions.testkit.internal.RoleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks every Graph row of {@link FakeRoute} against Microsoft's permission table ({@code
 * permissions.json}, Application scheme; trimmed copy in {@code src/test/resources/graph-metadata},
 * see its SOURCES.md): every role the table lists for the row's method and path is accepted, alone
 * or with the partner its {@code AlsoRequires} names, and no role the table does not list is
 * accepted. Rows that differ on purpose are listed in {@link #DIFFERENCES}, each with its reason;
 * the testkit README's "Deliberate differences" list names the same rows.
 */
class PermissionConformanceTest {
  /** The commit of Microsoft's file the trimmed copy was made from. */
  static final String SOURCE_COMMIT = "6cbd6bbd";

  /** Roles the fake never grants, whatever the row. */
  private static final Map<String, String> NOT_MODELLED =
      Map.of("Application.ReadWrite.OwnedBy", "reaches only objects the caller owns, and the fake models no owners");

  /** Roles that may stand in a ladder though the fake's Graph service principal cannot publish them. */
  private static final Set<String> UNPUBLISHED = Set.of("AppRegistration.Create");

  /** A row's deliberate difference from the table. */
  record Difference(Set<String> notAccepted, Set<String> extraAccepted, boolean pathMissing, String reason) {
    static Difference notAccepting(String reason, String... roles) {
      return new Difference(Set.of(roles), Set.of(), false, reason);
    }

    static Difference accepting(String reason, String... roles) {
      return new Difference(Set.of(), Set.of(roles), false, reason);
    }

    static Difference notInTable(String reason) {
      return new Difference(Set.of(), Set.of(), true, reason);
    }

    Difference and(Difference other) {
      Set<String> not = new LinkedHashSet<>(notAccepted);
      not.addAll(other.notAccepted);
      Set<String> extra = new LinkedHashSet<>(extraAccepted);
      extra.addAll(other.extraAccepted);
      return new Difference(not, extra, pathMissing || other.pathMissing, reason + " " + other.reason);
    }
  }

  /** The deliberate differences; the README's list mirrors this one. */
  static final Map<FakeRoute, Difference> DIFFERENCES = new EnumMap<>(FakeRoute.class);

  private static final String PROPERTY_ROW =
      "A user PATCH is authorized property by property from the user-update page's notes; permissions.json lists"
          + " roles per path only, so the property roles are accepted by the property's own row, not by this one.";

  static {
    DIFFERENCES.put(
        FakeRoute.GET_ORGANIZATION,
        Difference.accepting(
            "The table lists only User.Read.All (and Intune roles) for /organization/{id}, a gap next to the list path;"
                + " the fake keeps the list's ladder, as the organization-get page does.",
            "Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"));
    DIFFERENCES.put(
        FakeRoute.GET_APP_ROLE_ASSIGNMENT,
        Difference.notInTable("The table has no GET /servicePrincipals/{id}/appRoleAssignments/{id}; authorized like the list."));
    DIFFERENCES.put(
        FakeRoute.ADD_GROUP_MEMBER,
        Difference.notInTable(
            "The table has no POST /groups/{id}/members; authorized like the removal it lists (GroupMember.ReadWrite.All;"
                + " Group.ReadWrite.All; Directory.ReadWrite.All), as the group-post-members page does."));
    for (FakeRoute create : List.of(FakeRoute.CREATE_APP_ROLE_ASSIGNMENT, FakeRoute.CREATE_APP_ROLE_ASSIGNED_TO)) {
      DIFFERENCES.put(
        create,
        Difference.notAccepting(
                "The table lists Application.ReadWrite.All without a partner; the fake follows the reference page, which"
                    + " requires AppRoleAssignment.ReadWrite.All.",
                "Application.ReadWrite.All")
            .and(
                Difference.accepting(
                    "As the partner of AppRoleAssignment.ReadWrite.All the fake also takes the ReadWrite forms of"
                        + " Application.Read.All and Directory.Read.All, which contain them.",
                    "Directory.ReadWrite.All")));
    }
    String deletedItems =
        "permissions.json has only POST /directory/deletedItems/{id}/restore, with the user roles; the fake takes"
            + " each deleted item route's roles from its reference page's table per resource type (user, group, application).";
    for (FakeRoute r :
        List.of(
            FakeRoute.LIST_DELETED_USERS,
            FakeRoute.LIST_DELETED_GROUPS,
            FakeRoute.LIST_DELETED_APPLICATIONS,
            FakeRoute.GET_DELETED_USER,
            FakeRoute.GET_DELETED_APPLICATION,
            FakeRoute.PERMANENTLY_DELETE_USER,
            FakeRoute.PERMANENTLY_DELETE_APPLICATION)) {
      DIFFERENCES.put(r, Difference.notInTable(deletedItems));
    }
    DIFFERENCES.put(
        FakeRoute.RESTORE_DELETED_APPLICATION,
        Difference.notAccepting(deletedItems + " An application is restored by Application.ReadWrite.All.", "User.DeleteRestore.All", "User.ReadWrite.All")
            .and(Difference.accepting("", "Application.ReadWrite.All")));
    DIFFERENCES.put(
        FakeRoute.UPDATE_USER,
        Difference.notAccepting(
            PROPERTY_ROW + " User-PasswordProfile.ReadWrite.All is not modelled: passwordProfile needs User.ReadWrite.All.",
            "User-Mail.ReadWrite.All", "User-Phone.ReadWrite.All", "User.EnableDisableAccount.All",
            "User.ManageIdentities.All", "User-PasswordProfile.ReadWrite.All"));
    DIFFERENCES.put(
        FakeRoute.UPDATE_USER_IDENTITIES,
        Difference.notAccepting(
            PROPERTY_ROW + " identities: \"Updating the identities property requires User.ManageIdentities.All\", taken literally.",
            "User-Mail.ReadWrite.All", "User-Phone.ReadWrite.All", "User.EnableDisableAccount.All",
            "User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"));
    DIFFERENCES.put(
        FakeRoute.UPDATE_USER_ACCOUNT_ENABLED,
        Difference.notAccepting(
                PROPERTY_ROW + " accountEnabled: User.EnableDisableAccount.All with User.Read.All (or Directory.Read.All).",
                "User-Mail.ReadWrite.All", "User-Phone.ReadWrite.All", "User.EnableDisableAccount.All",
                "User.ManageIdentities.All", "User-PasswordProfile.ReadWrite.All")
            .and(Difference.accepting("", "User.Read.All", "Directory.Read.All")));
    DIFFERENCES.put(
        FakeRoute.UPDATE_USER_OTHER_MAILS,
        Difference.notAccepting(
            PROPERTY_ROW + " otherMails: User-Mail.ReadWrite.All.",
            "User-Phone.ReadWrite.All", "User.EnableDisableAccount.All", "User.ManageIdentities.All", "User-PasswordProfile.ReadWrite.All"));
    DIFFERENCES.put(
        FakeRoute.UPDATE_USER_PHONES,
        Difference.notAccepting(
            PROPERTY_ROW + " mobilePhone, businessPhones: User-Phone.ReadWrite.All.",
            "User-Mail.ReadWrite.All", "User.EnableDisableAccount.All", "User.ManageIdentities.All", "User-PasswordProfile.ReadWrite.All"));
  }

  // ---- the table ------------------------------------------------------------------------------

  /** For one method and normalized path: role, and the value the table gives it ("least=…;AlsoRequires=…"). */
  private static Map<String, Map<String, String>> table;

  private static synchronized Map<String, Map<String, String>> table() throws IOException {
    if (table == null) {
      JsonNode root;
      try (InputStream in = PermissionConformanceTest.class.getResourceAsStream("/graph-metadata/permissions-trimmed.json")) {
        assertThat(in).as("graph-metadata/permissions-trimmed.json on the test classpath").isNotNull();
        root = new ObjectMapper().readTree(in);
      }
      assertThat(root.path("commit").asText()).as("the commit of Microsoft's permissions.json").isEqualTo(SOURCE_COMMIT);
      Map<String, Map<String, String>> t = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("permissions").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> perm = it.next();
        for (JsonNode set : perm.getValue().path("pathSets")) {
          for (JsonNode method : set.path("methods")) {
            for (Iterator<Map.Entry<String, JsonNode>> paths = set.path("paths").fields(); paths.hasNext(); ) {
              Map.Entry<String, JsonNode> path = paths.next();
              t.computeIfAbsent(method.asText() + " " + path.getKey().replaceFirst("/\\$ref$", "").toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                  .put(perm.getKey(), path.getValue().asText());
            }
          }
        }
      }
      table = t;
    }
    return table;
  }

  /** A route template as the table writes paths (see trim-permissions.py, which must agree). */
  static String normalize(String template) {
    return template
        .replaceFirst("^/(v1\\.0|beta)", "")
        .replaceAll("\\{[^}]+\\}", "{id}")
        .replaceAll("\\(appId='\\{id\\}'\\)", "(appid={value})")
        .replaceFirst("/\\$ref$", "")
        .toLowerCase(Locale.ROOT);
  }

  private static Set<String> alsoRequires(String value) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : value.split(";")) {
      if (part.startsWith("AlsoRequires=")) {
        for (String role : part.substring("AlsoRequires=".length()).split(",")) {
          out.add(role.trim());
        }
      }
    }
    return out;
  }

  private static boolean grantable(String role) {
    return (RoleCatalog.byValue(role) != null || UNPUBLISHED.contains(role)) && !NOT_MODELLED.containsKey(role);
  }

  // ---- the check ------------------------------------------------------------------------------

  /** What is wrong with one row, empty when it conforms. */
  static List<String> problems(FakeRoute r, List<Set<String>> allowedBy) throws IOException {
    List<String> out = new ArrayList<>();
    Difference diff = DIFFERENCES.getOrDefault(r, new Difference(Set.of(), Set.of(), false, ""));
    Map<String, String> listed = table().get(r.method() + " " + normalize(r.pathTemplate()));
    if (listed == null) {
      if (!diff.pathMissing()) {
        out.add(r + ": permissions.json has no " + r.method() + " " + normalize(r.pathTemplate())
            + " (regenerate permissions-trimmed.json with trim-permissions.py, or list the row as a deliberate difference)");
      }
      return out;
    }
    Set<String> partners = new LinkedHashSet<>();
    listed.values().forEach(v -> partners.addAll(alsoRequires(v)));
    // Every listed role is accepted: alone, or with one of the partners it needs.
    for (Map.Entry<String, String> e : listed.entrySet()) {
      String role = e.getKey();
      if (!grantable(role) || diff.notAccepted().contains(role)) {
        continue;
      }
      Set<String> needs = alsoRequires(e.getValue());
      if (needs.isEmpty()) {
        if (partners.contains(role)) {
          continue; // listed as another role's partner: accepted together with it, checked there
        }
        if (!allows(allowedBy, Set.of(role))) {
          out.add(r + ": the table lists " + role + " but the row does not accept it");
        }
      } else {
        for (String partner : needs) {
          if (grantable(partner) && !allows(allowedBy, Set.of(role, partner))) {
            out.add(r + ": the table lists " + role + " with " + partner + " but the row does not accept the pair");
          }
        }
        if (allows(allowedBy, Set.of(role))) {
          out.add(r + ": the row accepts " + role + " alone; the table says it also requires one of " + needs);
        }
      }
    }
    // No role the table does not list (or that the difference names) is accepted.
    for (Set<String> option : allowedBy) {
      for (String role : option) {
        if (listed.containsKey(role) || diff.extraAccepted().contains(role) || impliedByListedRead(r, role, listed)) {
          continue;
        }
        out.add(r + ": the row accepts " + role + ", which the table does not list for " + r.method() + " " + normalize(r.pathTemplate()));
      }
      for (String role : option) {
        if (diff.notAccepted().contains(role) && option.size() == 1) {
          out.add(r + ": the row accepts " + role + ", which its deliberate difference says it does not");
        }
      }
    }
    return out;
  }

  /** A read whose ladder adds X.ReadWrite.Y next to a listed X.Read.Y (FakeRoute's "implied"). */
  private static boolean impliedByListedRead(FakeRoute r, String role, Map<String, String> listed) {
    return r.method().equals("GET") && role.contains(".ReadWrite.") && listed.containsKey(role.replace(".ReadWrite.", ".Read."));
  }

  private static boolean allows(List<Set<String>> allowedBy, Set<String> roles) {
    for (Set<String> option : allowedBy) {
      if (roles.containsAll(option)) {
        return true;
      }
    }
    return false;
  }

  private static List<FakeRoute> graphRows() {
    List<FakeRoute> rows = new ArrayList<>();
    for (FakeRoute r : FakeRoute.values()) {
      if (r.isGraph() && r != FakeRoute.BATCH) {
        rows.add(r);
      }
    }
    return rows;
  }

  @Test
  void everyGraphRowAcceptsWhatMicrosoftsTableListsAndNothingElse() throws IOException {
    List<String> all = new ArrayList<>();
    for (FakeRoute r : graphRows()) {
      all.addAll(problems(r, r.allowedBy()));
    }
    assertThat(all).as("rows that differ from permissions.json (commit " + SOURCE_COMMIT + ")").isEmpty();
  }

  @Test
  void aRowThatAcceptsAnUnlistedRoleIsReported() throws IOException {
    List<Set<String>> withDirectoryWrite = new ArrayList<>(FakeRoute.DELETE_USER.allowedBy());
    withDirectoryWrite.add(Set.of("Directory.ReadWrite.All"));
    assertThat(problems(FakeRoute.DELETE_USER, withDirectoryWrite))
        .containsExactly("DELETE_USER: the row accepts Directory.ReadWrite.All, which the table does not list for DELETE /users/{id}");
  }

  @Test
  void aRowThatRefusesAListedRoleIsReported() throws IOException {
    assertThat(problems(FakeRoute.LIST_PHONE_METHODS, List.of(Set.of("UserAuthenticationMethod.Read.All"), Set.of("UserAuthenticationMethod.ReadWrite.All"))))
        .containsExactlyInAnyOrder(
            "LIST_PHONE_METHODS: the table lists UserAuthMethod-Phone.Read.All but the row does not accept it",
            "LIST_PHONE_METHODS: the table lists UserAuthMethod-Phone.ReadWrite.All but the row does not accept it");
  }

  @Test
  void aRowThatTakesAPartneredRoleAloneIsReported() throws IOException {
    assertThat(problems(FakeRoute.CREATE_APP_ROLE_ASSIGNMENT, List.of(Set.of("AppRoleAssignment.ReadWrite.All"))))
        .contains("CREATE_APP_ROLE_ASSIGNMENT: the row accepts AppRoleAssignment.ReadWrite.All alone; the table says it also requires one of [Application.Read.All, Directory.Read.All]");
  }

  @Test
  void theReadmeListsEveryDeliberateDifference() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("### Deliberate differences from Microsoft's metadata");
    assertThat(start).as("README section \"Deliberate differences from Microsoft's metadata\"").isNotNegative();
    int end = readme.indexOf("\n## ", start);
    String section = end < 0 ? readme.substring(start) : readme.substring(start, end);
    for (FakeRoute r : DIFFERENCES.keySet()) {
      assertThat(section).as("the README's deliberate differences name " + r).contains("`" + r.name() + "`");
    }
    for (String role : NOT_MODELLED.keySet()) {
      assertThat(section).contains(role);
    }
    assertThat(section).contains(SOURCE_COMMIT);
  }
}
