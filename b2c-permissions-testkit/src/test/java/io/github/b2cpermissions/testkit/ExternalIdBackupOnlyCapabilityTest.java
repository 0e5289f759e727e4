package io.github.b2cpermissions.testkit;

import static io.github.b2cpermissions.BackupCapability.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What {@link PermissionProfile#EXTERNAL_ID_BACKUP_ONLY} promises, on the fake: with exactly its
 * roles, every read a backup of each of its parts makes answers 200 over the External ID sample;
 * without one of them, a read answers 403 exactly where Microsoft's permission table (the fake's
 * route table, checked against it by {@link PermissionConformanceTest}) allows it by no role left;
 * and the restore writes stay refused until a restore app holds the read-write roles.
 */
class ExternalIdBackupOnlyCapabilityTest {
  private static final PermissionProfile PROFILE = PermissionProfile.EXTERNAL_ID_BACKUP_ONLY;
  private static final String FLOW = "/v1.0/identity/authenticationEventsFlows/" + ExternalIdSample.FLOW_SHOP_SIGN_UP;
  private static final String USER = "/v1.0/users/" + ExternalIdSample.ANA;

  /** A read of a backup: the route the journal must record, and the request. */
  record Read(FakeRoute route, String path) {}

  /** Per part of the profile, the reads a backup of it makes. */
  static Map<BackupCapability, List<Read>> reads(FakeGraphTenant t) {
    Map<BackupCapability, List<Read>> m = new EnumMap<>(BackupCapability.class);
    m.put(USER_FLOWS, List.of(
        new Read(FakeRoute.LIST_AUTHENTICATION_EVENTS_FLOWS, "/v1.0/identity/authenticationEventsFlows"),
        new Read(FakeRoute.GET_AUTHENTICATION_EVENTS_FLOW, FLOW),
        new Read(FakeRoute.LIST_AUTHENTICATION_EVENTS_FLOW_APPLICATIONS, FLOW + "/conditions/applications/includeApplications"),
        new Read(FakeRoute.LIST_AUTHENTICATION_EVENTS_FLOW_ATTRIBUTES, FLOW + "/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAttributeCollection/microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp/attributes"),
        new Read(FakeRoute.LIST_AUTHENTICATION_EVENTS_FLOW_IDENTITY_PROVIDERS, FLOW + "/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAuthenticationMethodLoadStart/microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp/identityProviders")));
    m.put(USER_FLOW_ATTRIBUTES, List.of(
        new Read(FakeRoute.LIST_USER_FLOW_ATTRIBUTES, "/v1.0/identity/userFlowAttributes"),
        new Read(FakeRoute.GET_USER_FLOW_ATTRIBUTE, "/v1.0/identity/userFlowAttributes/" + ExternalIdSample.ATTRIBUTE_LOYALTY_NUMBER)));
    m.put(CUSTOM_AUTHENTICATION_EXTENSIONS, List.of(
        new Read(FakeRoute.LIST_CUSTOM_AUTHENTICATION_EXTENSIONS, "/v1.0/identity/customAuthenticationExtensions"),
        new Read(FakeRoute.GET_CUSTOM_AUTHENTICATION_EXTENSION, "/v1.0/identity/customAuthenticationExtensions/" + ExternalIdSample.EXTENSION_TOKEN_CLAIMS)));
    m.put(COMPANY_BRANDING, List.of(
        new Read(FakeRoute.GET_ORGANIZATION_BRANDING, "/v1.0/organization/" + t.tenantId() + "/branding"),
        new Read(FakeRoute.LIST_ORGANIZATION_BRANDING_LOCALIZATIONS, "/v1.0/organization/" + t.tenantId() + "/branding/localizations")));
    m.put(AUTHENTICATION_METHOD_POLICIES, List.of(
        new Read(FakeRoute.GET_AUTHENTICATION_METHODS_POLICY, "/v1.0/policies/authenticationMethodsPolicy"),
        new Read(FakeRoute.GET_AUTHENTICATION_METHOD_CONFIGURATION, "/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Email")));
    m.put(IDENTITY_PROVIDERS, List.of(
        new Read(FakeRoute.LIST_IDENTITY_PROVIDERS, "/v1.0/identity/identityProviders"),
        new Read(FakeRoute.GET_IDENTITY_PROVIDER, "/v1.0/identity/identityProviders/" + ExternalIdSample.PROVIDER_GOOGLE)));
    m.put(APPLICATIONS, List.of(
        new Read(FakeRoute.LIST_APPLICATIONS, "/v1.0/applications"),
        new Read(FakeRoute.GET_APPLICATION, "/v1.0/applications/" + ExternalIdSample.SHOP_APP),
        new Read(FakeRoute.LIST_SERVICE_PRINCIPALS, "/v1.0/servicePrincipals")));
    m.put(APP_ROLE_ASSIGNMENTS, List.of(
        new Read(FakeRoute.LIST_APP_ROLE_ASSIGNED_TO, "/v1.0/servicePrincipals/" + t.graphServicePrincipalId() + "/appRoleAssignedTo")));
    m.put(USERS, List.of(new Read(FakeRoute.LIST_USERS, "/v1.0/users"), new Read(FakeRoute.GET_USER, USER)));
    m.put(USER_IDENTITIES, List.of(new Read(FakeRoute.GET_USER, USER + "?$select=id,identities")));
    m.put(AUTHENTICATION_METHODS, List.of(new Read(FakeRoute.LIST_AUTHENTICATION_METHODS, USER + "/authentication/methods")));
    m.put(SECONDARY_MAILS, List.of(new Read(FakeRoute.LIST_USERS, "/v1.0/users?$select=id,otherMails")));
    m.put(PHONES, List.of(new Read(FakeRoute.LIST_USERS, "/v1.0/users?$select=id,mobilePhone,businessPhones")));
    m.put(ACCOUNT_STATE, List.of(new Read(FakeRoute.LIST_USERS, "/v1.0/users?$select=id,accountEnabled")));
    m.put(GROUP_MEMBERSHIPS, List.of(
        new Read(FakeRoute.LIST_GROUPS, "/v1.0/groups"),
        new Read(FakeRoute.LIST_GROUP_MEMBERS, "/v1.0/groups/" + ExternalIdSample.GROUP_PREMIUM + "/members")));
    m.put(DIRECTORY_ROLES, List.of(
        new Read(FakeRoute.LIST_DIRECTORY_ROLES, "/v1.0/directoryRoles"),
        new Read(FakeRoute.LIST_DIRECTORY_ROLE_MEMBERS, "/v1.0/directoryRoles/" + ExternalIdSample.ROLE_GLOBAL_ADMIN + "/members"),
        new Read(FakeRoute.LIST_ROLE_ASSIGNMENTS, "/v1.0/roleManagement/directory/roleAssignments"),
        new Read(FakeRoute.LIST_ROLE_DEFINITIONS, "/v1.0/roleManagement/directory/roleDefinitions")));
    m.put(TENANT_DETAILS, List.of(new Read(FakeRoute.LIST_ORGANIZATION, "/v1.0/organization"), new Read(FakeRoute.LIST_DOMAINS, "/v1.0/domains")));
    m.put(AUDIT_LOGS, List.of(new Read(FakeRoute.LIST_DIRECTORY_AUDITS, "/v1.0/auditLogs/directoryAudits")));
    return m;
  }

  private static Set<String> values(Set<GraphPermission> roles) {
    Set<String> out = new HashSet<>();
    roles.forEach(r -> out.add(r.value()));
    return out;
  }

  private static FakeGraphTenant tenant(Set<String> roles) {
    return FakeGraphTenant.builder()
        .externalId("woodgrove.onmicrosoft.com")
        .grantedRoles(roles.toArray(new String[0]))
        .b2cData(ExternalIdSample.directory())
        .externalIdData(ExternalIdData.sample())
        .build(FakeGraph.builder().strict(true))
        .start();
  }

  @Test
  void everyReadTheProfilePromisesAnswers200WithExactlyItsRoles() {
    FakeGraphTenant t = tenant(values(PROFILE.requiredRoles()));
    try {
      Map<BackupCapability, List<Read>> reads = reads(t);
      assertThat(reads.keySet()).as("a read for every part of the profile").isEqualTo(PROFILE.capabilities());
      String token = t.issueAccessToken();
      Map<String, Integer> wrong = new LinkedHashMap<>();
      reads.forEach((c, list) -> list.forEach(r -> {
        HttpResponse<String> reply = Http.get(t, r.path(), token);
        if (reply.statusCode() != 200) {
          wrong.put(c + " " + r.path(), reply.statusCode());
        }
        assertThat(t.journal().requests().get(t.journal().requests().size() - 1).route()).as(r.path()).hasValue(r.route());
      }));
      assertThat(wrong).isEmpty();
      assertThat(t.journal().unmatched()).isEmpty();
    } finally {
      t.stop();
    }
  }

  @Test
  void withoutOneOfItsRolesAReadIsRefusedWhereNoRoleLeftAllowsIt() {
    List<String> checked = new ArrayList<>();
    for (GraphPermission missing : PROFILE.requiredRoles()) {
      Set<String> roles = values(PROFILE.requiredRoles());
      roles.remove(missing.value());
      FakeGraphTenant t = tenant(roles);
      try {
        String token = t.issueAccessToken();
        int refused = 0;
        for (BackupCapability c : PROFILE.unlockedBy(missing)) {
          for (Read r : reads(t).get(c)) {
            int expected = r.route().isAllowedBy(roles) ? 200 : 403;
            assertThat(Http.get(t, r.path(), token).statusCode()).as("without " + missing + ": " + r.path()).isEqualTo(expected);
            refused += expected == 403 ? 1 : 0;
          }
        }
        checked.add(missing.value() + " refuses " + refused);
      } finally {
        t.stop();
      }
    }
    assertThat(checked).contains(
        "EventListener.Read.All refuses 5", "CustomAuthenticationExtension.Read.All refuses 2", "Policy.Read.AuthenticationMethod refuses 2",
        "OrganizationalBranding.Read.All refuses 2", "UserAuthenticationMethod.Read.All refuses 1");
  }

  @Test
  void aRestoreNeedsRolesOutsideTheProfile() {
    FakeGraphTenant t = tenant(values(PROFILE.requiredRoles()));
    try {
      String token = t.issueAccessToken();
      assertThat(Http.delete(t, FLOW, token).statusCode()).isEqualTo(403);
      assertThat(Http.post(t, "/v1.0/identity/customAuthenticationExtensions", token, "{}").statusCode()).isEqualTo(403);
      assertThat(Http.post(t, FLOW + "/conditions/applications/includeApplications", token, "{\"appId\":\"" + ExternalIdSample.PARTNER_APP_ID + "\"}").statusCode()).isEqualTo(403);
      assertThat(Http.delete(t, "/v1.0/users/" + ExternalIdSample.BEN, token).statusCode()).isEqualTo(403);
      for (FakeRoute r : List.of(FakeRoute.CREATE_AUTHENTICATION_EVENTS_FLOW, FakeRoute.CREATE_CUSTOM_AUTHENTICATION_EXTENSION, FakeRoute.UPDATE_AUTHENTICATION_METHOD_CONFIGURATION)) {
        assertThat(r.isAllowedBy(values(PROFILE.requiredRoles()))).as(r.name()).isFalse();
        assertThat(r.isAllowedBy(values(PROFILE.requires(capabilityOf(r), io.github.b2cpermissions.BackupOperation.RESTORE)))).as(r + " with the restore roles").isTrue();
      }
    } finally {
      t.stop();
    }
  }

  private static BackupCapability capabilityOf(FakeRoute r) {
    return r == FakeRoute.CREATE_AUTHENTICATION_EVENTS_FLOW ? USER_FLOWS
        : r == FakeRoute.CREATE_CUSTOM_AUTHENTICATION_EXTENSION ? CUSTOM_AUTHENTICATION_EXTENSIONS : AUTHENTICATION_METHOD_POLICIES;
  }
}
