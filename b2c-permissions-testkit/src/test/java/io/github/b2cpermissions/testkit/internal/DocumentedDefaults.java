package io.github.b2cpermissions.testkit.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What Graph returns without {@code $select}, per type, where the metadata cannot say it: the CSDL
 * lists every property, and the v1.0 reference pages mark some as "returned only on
 * {@code $select}" (or only with {@code $expand}). The default set of a type is its CSDL properties
 * (with base types) minus those; users are the exception, with a small documented default set.
 */
final class DocumentedDefaults {
  /**
   * The user's default set: "By default, only a limited set of properties are returned
   * (businessPhones, displayName, givenName, id, jobTitle, mail, mobilePhone, officeLocation,
   * preferredLanguage, surname, and userPrincipalName)" (the v1.0 user-list and user-get pages,
   * microsoft-graph-docs-contrib).
   */
  static final Set<String> USER =
      Set.of(
          "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
          "preferredLanguage", "surname", "userPrincipalName", "id");

  /**
   * Properties the reference pages document as returned only on $select (or $expand), by type.
   * Sources, checked again for issue 12: groups, the v1.0 group resource page ("Returned only on
   * {@code $select}" on allowExternalSenders, assignedLabels, assignedLicenses,
   * autoSubscribeNewMembers, hideFromAddressLists, hideFromOutlookClients, isSubscribedByMail,
   * licenseProcessingState, unseenCount; hasMembersWithLicenseErrors "is never returned on a GET";
   * the others are in the CSDL and not on the page, kept out of the default set as the page's
   * JSON representation does); applications, the "Manage application authenticationBehaviors"
   * page ("returned only on $select requests"); service principals, the servicePrincipal resource
   * and serviceprincipal-get pages (customSecurityAttributes read with $select); user flows, the
   * beta b2cIdentityUserFlow page (apiConnectorConfiguration with $expand). Directory roles, role
   * assignments and directory audits: their v1.0 resource pages mark no property, so their default
   * set is the CSDL's.
   */
  static final Map<String, Set<String>> SELECT_ONLY =
      Map.of(
          "microsoft.graph.group",
              Set.of(
                  "accessType", "allowExternalSenders", "assignedLabels", "assignedLicenses", "autoSubscribeNewMembers",
                  "hasMembersWithLicenseErrors", "hideFromAddressLists", "hideFromOutlookClients", "infoCatalogs",
                  "isArchived", "isFavorite", "isManagementRestricted", "isSubscribedByMail", "licenseProcessingState",
                  "onPremisesExtensionAttributes", "organizationId", "unseenConversationsCount", "unseenCount",
                  "unseenMessagesCount", "welcomeMessageEnabled"),
          "microsoft.graph.application", Set.of("authenticationBehaviors"),
          "microsoft.graph.servicePrincipal", Set.of("customSecurityAttributes"),
          "microsoft.graph.b2cIdentityUserFlow", Set.of("apiConnectorConfiguration"));

  /**
   * Differences the fake still has, each with its reason; the lead removes an entry when the reason
   * is gone. Keyed by type, the properties the fake does not return yet.
   */
  static final Map<String, Set<String>> PENDING = Map.of();

  private DocumentedDefaults() {}

  /**
   * The properties a reply without $select carries for {@code type}, or null when the type is
   * beta-only (the beta lists have no default sets: only names are checked).
   */
  @Nullable
  static Set<String> of(GraphMetadata meta, String type) {
    if (type.equals("microsoft.graph.user")) {
      return USER;
    }
    if (meta.v1.type(type) == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>(meta.v1.allProperties(type).keySet());
    out.removeAll(SELECT_ONLY.getOrDefault(type, Set.of()));
    out.removeAll(PENDING.getOrDefault(type, Set.of()));
    // Streams (logos, photos) are read through their own URL, never inline.
    out.removeIf(p -> meta.v1.allProperties(type).get(p).type().equals("Edm.Stream"));
    return out;
  }

  /** The names a beta-only type and its base types declare. */
  static Set<String> betaNames(GraphMetadata meta, String type) {
    Set<String> out = new LinkedHashSet<>();
    for (String t = type; t != null; t = meta.betaBase(t)) {
      BetaTypeLists.Names n = meta.beta.type(t);
      if (n != null) {
        out.addAll(n.properties());
      }
    }
    out.removeAll(SELECT_ONLY.getOrDefault(type, Set.of()));
    out.removeAll(PENDING.getOrDefault(type, Set.of()));
    return out;
  }
}
