package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Graph JSON of a {@link UserRec}: the user with every modelled property in Graph's order, and
 * its authentication methods with the well-known ids Graph gives them.
 */
final class UserShapes {
  /** The well-known ids Graph gives phone methods, by phone type. */
  static final Map<String, String> PHONE_METHOD_IDS =
      Map.of(
          "mobile", "3179e48a-750b-4051-897c-87b9720928f7",
          "alternateMobile", "b6332ec1-7057-4abe-9331-3d72feddfe41",
          "office", "e37fc753-ff3b-4958-9484-eaa9425c82bc");
  /** The well-known id of the email method and of the password method. */
  static final String EMAIL_METHOD_ID = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";
  static final String PASSWORD_METHOD_ID = "28c10230-6103-485e-b985-444c60001490";

  /** User properties in Graph's order; the first eleven are the default set (no $select). */
  static final List<String> PROPERTIES =
      List.of(
          "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone",
          "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id",
          "accountEnabled", "createdDateTime", "creationType", "deletedDateTime", "identities",
          "otherMails", "userType");
  static final int DEFAULT_COUNT = 11;

  private UserShapes() {}

  /** A user as Graph JSON with every property the fake models. */
  static ObjectNode user(UserRec u) {
    ObjectNode o = Json.object();
    ArrayNode bp = o.putArray("businessPhones");
    for (String p : u.businessPhones) {
      bp.add(p);
    }
    o.put("displayName", u.displayName);
    o.put("givenName", u.givenName);
    o.putNull("jobTitle");
    o.put("mail", u.mail);
    o.put("mobilePhone", u.mobilePhone);
    o.putNull("officeLocation");
    o.putNull("preferredLanguage");
    o.put("surname", u.surname);
    o.put("userPrincipalName", u.userPrincipalName);
    o.put("id", u.id);
    o.put("accountEnabled", u.accountEnabled);
    o.put("createdDateTime", Json.timestamp(Instant.ofEpochSecond(u.createdEpochSecond)));
    o.put("creationType", u.creationType);
    o.putNull("deletedDateTime");
    ArrayNode ids = o.putArray("identities");
    for (UserRec.Identity i : u.identities) {
      ObjectNode n = ids.addObject();
      n.put("signInType", i.signInType);
      n.put("issuer", i.issuer);
      n.put("issuerAssignedId", i.issuerAssignedId);
    }
    ArrayNode om = o.putArray("otherMails");
    for (String m : u.otherMails) {
      om.add(m);
    }
    o.put("userType", "Member");
    return o;
  }

  static ObjectNode phoneMethod(UserRec.Phone p) {
    ObjectNode o = Json.object();
    o.put("id", PHONE_METHOD_IDS.get(p.phoneType));
    o.putNull("createdDateTime");
    o.put("phoneNumber", p.phoneNumber);
    o.put("phoneType", p.phoneType);
    o.put("smsSignInState", "notAllowedByPolicy");
    return o;
  }

  static ObjectNode emailMethod(String address) {
    ObjectNode o = Json.object();
    o.put("id", EMAIL_METHOD_ID);
    o.putNull("createdDateTime");
    o.put("emailAddress", address);
    return o;
  }

  /** The password method of a local account: Graph's fixed id, never the password itself. */
  static ObjectNode passwordMethod(UserRec u) {
    ObjectNode o = Json.object();
    o.put("id", PASSWORD_METHOD_ID);
    o.putNull("password");
    o.put("createdDateTime", Json.timestamp(Instant.ofEpochSecond(u.createdEpochSecond)));
    return o;
  }

  /** Every method of a user, typed, as the {@code /authentication/methods} collection lists them. */
  static List<ObjectNode> methods(UserRec u) {
    List<ObjectNode> out = new ArrayList<>();
    if (u.hasPassword) {
      ObjectNode o = Json.object();
      o.put("@odata.type", "#microsoft.graph.passwordAuthenticationMethod");
      o.setAll(passwordMethod(u));
      out.add(o);
    }
    for (UserRec.Phone p : u.phoneMethods) {
      ObjectNode o = Json.object();
      o.put("@odata.type", "#microsoft.graph.phoneAuthenticationMethod");
      o.setAll(phoneMethod(p));
      out.add(o);
    }
    if (u.emailMethod != null) {
      ObjectNode o = Json.object();
      o.put("@odata.type", "#microsoft.graph.emailAuthenticationMethod");
      o.setAll(emailMethod(u.emailMethod));
      out.add(o);
    }
    return out;
  }
}
