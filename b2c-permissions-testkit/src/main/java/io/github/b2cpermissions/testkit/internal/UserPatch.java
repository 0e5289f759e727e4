package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Applies a user create or PATCH body to a {@link UserRec}, with Graph's checks and messages for
 * each property and for sign-in identities. Nothing is stored here: the handler stores the result.
 */
final class UserPatch {
  /** The properties a body may set. */
  static final Set<String> WRITABLE =
      Set.of("accountEnabled", "displayName", "givenName", "surname", "mail", "mailNickname", "userPrincipalName", "passwordProfile", "passwordPolicies", "identities", "otherMails", "mobilePhone", "businessPhones", "jobTitle", "creationType", "userType", "@odata.type");
  private static final Set<String> LOCAL_SIGN_IN = Set.of("emailaddress", "username");
  private static final Set<String> SIGN_IN_TYPES = Set.of("emailaddress", "username", "federated", "userprincipalname");

  private UserPatch() {}

  /** A property name as Graph spells it (bodies may use any case). */
  static String canonical(String name) {
    for (String p : WRITABLE) {
      if (p.equalsIgnoreCase(name)) {
        return p;
      }
    }
    return name;
  }

  /**
   * Applies {@code b} to {@code u}; a create also fills what Graph derives (creation type, the
   * default userPrincipalName and its identity).
   *
   * @throws GraphErrorException for a property the fake does not model or a value Graph refuses
   */
  static void apply(GraphRequest op, B2cStore s, UserRec u, ObjectNode b, boolean create) {
    boolean password = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = canonical(e.getKey());
      JsonNode v = e.getValue();
      if (!WRITABLE.contains(name)) {
        throw GraphErrorException.invalidProperty(op, e.getKey(), "User");
      }
      switch (name) {
        case "accountEnabled":
          if (!v.isBoolean()) {
            throw invalid("accountEnabled");
          }
          u.accountEnabled = v.asBoolean();
          break;
        case "displayName":
          if (!v.isTextual() || v.asText().isBlank()) {
            throw invalid("displayName");
          }
          u.displayName = v.asText();
          break;
        case "givenName":
        case "surname":
        case "mail":
        case "jobTitle":
          if (!v.isNull() && !v.isTextual()) {
            throw invalid(name);
          }
          String text = v.isNull() ? null : v.asText();
          if (name.equals("givenName")) {
            u.givenName = text;
          } else if (name.equals("surname")) {
            u.surname = text;
          } else if (name.equals("mail")) {
            u.mail = text;
          }
          break;
        case "userPrincipalName":
          if (!v.isTextual() || !v.asText().toLowerCase(Locale.ROOT).endsWith("@" + s.domain.toLowerCase(Locale.ROOT)) || v.asText().indexOf('@') < 1) {
            throw GraphErrorException.badRequest("The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.");
          }
          u.userPrincipalName = v.asText();
          break;
        case "passwordProfile":
          if (!v.isObject() || !v.path("password").isTextual() || v.path("password").asText().isBlank()) {
            throw invalid("passwordProfile");
          }
          password = true; // never stored
          u.hasPassword = true;
          break;
        case "otherMails":
        case "businessPhones":
          {
            String[] values = strings(name, v);
            if (name.equals("businessPhones") && values.length > 1) {
              throw GraphErrorException.badRequest("Invalid value specified for property 'businessPhones' of resource 'User': only one business phone can be set.");
            }
            if (name.equals("otherMails")) {
              u.otherMails = values;
            } else {
              u.businessPhones = values;
            }
            break;
          }
        case "mobilePhone":
          if (!v.isNull() && !v.isTextual()) {
            throw invalid("mobilePhone");
          }
          u.mobilePhone = v.isNull() ? null : v.asText();
          break;
        case "identities":
          applyIdentities(s, u, v);
          break;
        default:
          break; // mailNickname, passwordPolicies, creationType, userType, @odata.type: accepted, not modelled
      }
    }
    if (create) {
      completeNewUser(s, u, password);
    }
  }

  private static void completeNewUser(B2cStore s, UserRec u, boolean password) {
    if (u.displayName.isBlank()) {
      throw invalid("displayName");
    }
    boolean local = u.identities.length == 0;
    for (UserRec.Identity i : u.identities) {
      if (LOCAL_SIGN_IN.contains(i.signInType.toLowerCase(Locale.ROOT))) {
        local = true;
        u.creationType = "LocalAccount";
      }
    }
    if (local && !password) {
      throw invalid("passwordProfile");
    }
    if (u.userPrincipalName == null) {
      u.userPrincipalName = u.id + "@" + s.domain;
    }
    ensureUpnIdentity(s, u);
  }

  private static String[] strings(String name, JsonNode v) {
    if (!v.isArray()) {
      throw invalid(name);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode x : v) {
      if (!x.isTextual() || x.asText().isBlank()) {
        throw invalid(name);
      }
      values.add(x.asText());
    }
    return values.toArray(new String[0]);
  }

  /**
   * Graph's refusal of a user whose sign-in identity or userPrincipalName another user holds, or
   * null when there is none.
   */
  static @Nullable String conflict(B2cStore s, UserRec u) {
    for (UserRec.Identity i : u.identities) {
      if (!i.signInType.equalsIgnoreCase("userPrincipalName") && i.issuer != null && s.identityOwner(i.issuer, i.issuerAssignedId, u.id) != null) {
        return "Another object with the same value for property identities already exists.";
      }
    }
    if (u.userPrincipalName != null) {
      UserRec other = s.user(u.userPrincipalName);
      if (other != null && !other.id.equalsIgnoreCase(u.id)) {
        return "Another object with the same value for property userPrincipalName already exists.";
      }
    }
    return null;
  }

  private static GraphErrorException invalid(String property) {
    return GraphErrorException.invalidValue(property, "User");
  }

  private static void applyIdentities(B2cStore s, UserRec u, JsonNode v) {
    if (!v.isArray()) {
      throw invalid("identities");
    }
    List<UserRec.Identity> ids = new ArrayList<>();
    for (JsonNode x : v) {
      String type = B2cStore.text(x, "signInType");
      String issuer = B2cStore.text(x, "issuer");
      String assigned = B2cStore.text(x, "issuerAssignedId");
      if (type == null || !SIGN_IN_TYPES.contains(type.toLowerCase(Locale.ROOT)) || issuer == null || issuer.isBlank() || assigned == null || assigned.isBlank()) {
        throw invalid("identities");
      }
      boolean local = LOCAL_SIGN_IN.contains(type.toLowerCase(Locale.ROOT)) || type.equalsIgnoreCase("userPrincipalName");
      if (local && !issuer.equalsIgnoreCase(s.domain)) {
        throw GraphErrorException.badRequest("The issuer of a local account identity must be the tenant's verified domain '" + s.domain + "', was '" + issuer + "'.");
      }
      for (UserRec.Identity other : ids) {
        if (other.issuer != null && other.issuer.equalsIgnoreCase(issuer) && other.issuerAssignedId.equalsIgnoreCase(assigned)) {
          throw GraphErrorException.badRequest("Another object with the same value for property identities already exists.");
        }
      }
      ids.add(new UserRec.Identity(type, issuer, assigned));
    }
    u.identities = ids.toArray(new UserRec.Identity[0]);
    ensureUpnIdentity(s, u);
  }

  private static void ensureUpnIdentity(B2cStore s, UserRec u) {
    if (u.userPrincipalName == null) {
      return;
    }
    for (UserRec.Identity i : u.identities) {
      if (i.signInType.equalsIgnoreCase("userPrincipalName")) {
        return;
      }
    }
    UserRec.Identity[] ids = Arrays.copyOf(u.identities, u.identities.length + 1);
    ids[ids.length - 1] = new UserRec.Identity("userPrincipalName", s.domain, u.userPrincipalName);
    u.identities = ids;
  }
}
