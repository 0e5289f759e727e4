package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /users/{id}/authentication}: every method of a user, and the phone and email methods one
 * by one (list, get, create, delete).
 */
final class AuthenticationMethodHandler {
  void register(RouteTable routes) {
    routes.collection("LIST_AUTHENTICATION_METHODS", op -> list(op, "methods"));
    routes.collection("LIST_PHONE_METHODS", op -> list(op, "phoneMethods"));
    routes.collection("LIST_EMAIL_METHODS", op -> list(op, "emailMethods"));
    routes.entity("GET_PHONE_METHOD", op -> get(op, true));
    routes.entity("GET_EMAIL_METHOD", op -> get(op, false));
    routes.write("CREATE_PHONE_METHOD", this::createPhone);
    routes.write("CREATE_EMAIL_METHOD", this::createEmail);
    routes.write("DELETE_PHONE_METHOD", op -> delete(op, true));
    routes.write("DELETE_EMAIL_METHOD", op -> delete(op, false));
  }

  private static String context(UserRec u, String nav) {
    return "users('" + u.id + "')/authentication/" + nav;
  }

  private Reply list(GraphRequest op, String nav) {
    UserRec u = UserHandler.user(op.b2c(), op.var("id"));
    List<ObjectNode> items = new ArrayList<>();
    String type;
    if (nav.equals("methods")) {
      items.addAll(UserShapes.methods(u));
      type = "authenticationMethod";
    } else if (nav.equals("phoneMethods")) {
      for (UserRec.Phone p : u.phoneMethods) {
        items.add(UserShapes.phoneMethod(p));
      }
      type = "phoneAuthenticationMethod";
    } else {
      if (u.emailMethod != null) {
        items.add(UserShapes.emailMethod(u.emailMethod));
      }
      type = "emailAuthenticationMethod";
    }
    return ODataReplies.collection(op, context(u, nav), type, ODataSource.of(items), List.of("id"), null, null);
  }

  private Reply get(GraphRequest op, boolean phone) {
    UserRec u = UserHandler.user(op.b2c(), op.var("id"));
    String mid = op.var("methodId");
    if (phone) {
      for (UserRec.Phone p : u.phoneMethods) {
        if (UserShapes.PHONE_METHOD_IDS.get(p.phoneType).equalsIgnoreCase(mid)) {
          return ODataReplies.entity(op, context(u, "phoneMethods"), UserShapes.phoneMethod(p), "phoneAuthenticationMethod");
        }
      }
    } else if (u.emailMethod != null && UserShapes.EMAIL_METHOD_ID.equalsIgnoreCase(mid)) {
      return ODataReplies.entity(op, context(u, "emailMethods"), UserShapes.emailMethod(u.emailMethod), "emailAuthenticationMethod");
    }
    throw GraphErrorException.notFound(mid);
  }

  private Reply createPhone(GraphRequest op) {
    ObjectNode b = op.body();
    String number = B2cStore.text(b, "phoneNumber");
    String type = B2cStore.text(b, "phoneType");
    if (number == null || !number.matches("^\\+[0-9]{1,3} ?[0-9]{4,14}(x[0-9]+)?$")) {
      throw GraphErrorException.invalidValue("phoneNumber", "PhoneAuthenticationMethod");
    }
    if (type == null || !UserShapes.PHONE_METHOD_IDS.containsKey(type)) {
      throw GraphErrorException.invalidValue("phoneType", "PhoneAuthenticationMethod");
    }
    B2cStore s = op.b2c();
    UserRec.Phone phone = new UserRec.Phone(type, number);
    synchronized (s) {
      UserRec current = UserHandler.user(s, op.var("id"));
      for (UserRec.Phone p : current.phoneMethods) {
        if (p.phoneType.equals(type)) {
          throw GraphErrorException.badRequest("A phone method of type '" + type + "' already exists for this user.");
        }
      }
      UserRec u = current.copy();
      UserRec.Phone[] phones = Arrays.copyOf(u.phoneMethods, u.phoneMethods.length + 1);
      phones[phones.length - 1] = phone;
      u.phoneMethods = phones;
      s.replaceUser(u);
      return ODataReplies.created(op, context(u, "phoneMethods"), "users/" + u.id + "/authentication/phoneMethods", UserShapes.phoneMethod(phone));
    }
  }

  private Reply createEmail(GraphRequest op) {
    ObjectNode b = op.body();
    String address = B2cStore.text(b, "emailAddress");
    if (address == null || !address.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      throw GraphErrorException.invalidValue("emailAddress", "EmailAuthenticationMethod");
    }
    B2cStore s = op.b2c();
    synchronized (s) {
      UserRec current = UserHandler.user(s, op.var("id"));
      if (current.emailMethod != null) {
        throw GraphErrorException.badRequest("An email method already exists for this user.");
      }
      UserRec u = current.copy();
      u.emailMethod = address;
      s.replaceUser(u);
      return ODataReplies.created(op, context(u, "emailMethods"), "users/" + u.id + "/authentication/emailMethods", UserShapes.emailMethod(address));
    }
  }

  private Reply delete(GraphRequest op, boolean phone) {
    B2cStore s = op.b2c();
    String mid = op.var("methodId");
    synchronized (s) {
      UserRec u = UserHandler.user(s, op.var("id")).copy();
      if (phone) {
        List<UserRec.Phone> kept = new ArrayList<>();
        for (UserRec.Phone p : u.phoneMethods) {
          if (!UserShapes.PHONE_METHOD_IDS.get(p.phoneType).equalsIgnoreCase(mid)) {
            kept.add(p);
          }
        }
        if (kept.size() == u.phoneMethods.length) {
          throw GraphErrorException.notFound(mid);
        }
        u.phoneMethods = kept.toArray(new UserRec.Phone[0]);
      } else {
        if (u.emailMethod == null || !UserShapes.EMAIL_METHOD_ID.equalsIgnoreCase(mid)) {
          throw GraphErrorException.notFound(mid);
        }
        u.emailMethod = null;
      }
      s.replaceUser(u);
    }
    return Reply.noContent();
  }
}
