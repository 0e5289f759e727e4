package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/** {@code /applications}: app registrations of the directory, by object id or {@code (appId='…')}. */
final class ApplicationHandler {
  private static final String APPS = B2cSeed.APPLICATIONS;
  /** Graph sets these; a body may not. */
  private static final Set<String> READ_ONLY = Set.of("id", "appId", "createdDateTime", "deletedDateTime");

  void register(RouteTable routes) {
    routes.collection("LIST_APPLICATIONS", op -> DirectoryObjects.list(op, APPS, "applications"));
    routes.entity("GET_APPLICATION", op -> DirectoryObjects.get(op, APPS, "applications"));
    routes.write("CREATE_APPLICATION", this::create);
    routes.write("UPDATE_APPLICATION", this::update);
    routes.write("DELETE_APPLICATION", op -> DirectoryObjects.delete(op, APPS));
  }

  private Reply create(GraphRequest op) {
    ObjectNode b = op.body();
    String name = B2cStore.text(b, "displayName");
    if (name == null || name.isBlank()) {
      throw GraphErrorException.invalidValue("displayName", "Application");
    }
    ObjectNode app = B2cObjects.withDefaults(APPS, Json.object(), Json.timestamp(op.server.clock().instant()));
    onlyKnown(op, app, b);
    app.setAll(b.deepCopy());
    app.put("publisherDomain", op.tenant.seed.domain);
    op.b2c().addObject(APPS, app);
    return ODataReplies.created(op, "applications", "applications", DirectoryObjects.shown(APPS, app.deepCopy(), true));
  }

  private Reply update(GraphRequest op) {
    ObjectNode b = op.body();
    B2cStore s = op.b2c();
    synchronized (s) {
      ObjectNode app = DirectoryObjects.require(op, APPS);
      onlyKnown(op, app, b);
      app.setAll(b.deepCopy());
      s.replaceObject(APPS, app);
    }
    return Reply.noContent();
  }

  /** A body may set the properties an application has, except those Graph sets. */
  private static void onlyKnown(GraphRequest op, ObjectNode app, ObjectNode body) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!app.has(f) || READ_ONLY.contains(f)) {
        throw GraphErrorException.invalidProperty(op, f, "Application");
      }
    }
  }
}
