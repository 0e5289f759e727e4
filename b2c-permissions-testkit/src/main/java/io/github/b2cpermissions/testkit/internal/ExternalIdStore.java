package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mutable External ID configuration of one tenant, rebuilt from its {@link ExternalIdSeed} on
 * reset: authentication events flows, custom authentication extensions, and the authentication
 * methods policy with its method configurations, kept as Graph JSON ({@link ObjectCollections}),
 * and per flow the appIds, attribute ids and identity provider ids linked to it (the objects
 * themselves live in the tenant's {@link B2cStore}). Thread-safe: every method synchronizes on the
 * store.
 */
final class ExternalIdStore {
  private final ObjectCollections objects = new ObjectCollections();
  private ObjectNode policy;
  private final Map<String, List<String>> applications = new HashMap<>();
  private final Map<String, List<String>> attributes = new HashMap<>();
  private final Map<String, List<String>> providers = new HashMap<>();

  ExternalIdStore(ExternalIdSeed seed) {
    seed.objects.forEach((collection, list) -> list.forEach(o -> objects.add(collection, o.deepCopy())));
    this.policy = seed.policy == null ? ExternalIdObjects.defaultPolicy() : seed.policy.deepCopy();
    seed.flowApplications.forEach((k, v) -> applications.put(k, new ArrayList<>(v)));
    seed.flowAttributes.forEach((k, v) -> attributes.put(k, new ArrayList<>(v)));
    seed.flowIdentityProviders.forEach((k, v) -> providers.put(k, new ArrayList<>(v)));
  }

  /** Which of a flow's links: its applications, attributes or identity providers. */
  enum Link {
    APPLICATIONS,
    ATTRIBUTES,
    IDENTITY_PROVIDERS
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  synchronized int positions(String collection) {
    return objects.size(collection);
  }

  /** A copy of the object at a position, or null for a hole. */
  synchronized @Nullable ObjectNode at(String collection, int pos) {
    return objects.at(collection, pos);
  }

  /** A copy of an object by id, or null. */
  synchronized @Nullable ObjectNode byId(String collection, String id) {
    return objects.byId(collection, id);
  }

  synchronized void add(String collection, ObjectNode o) {
    objects.add(collection, o);
  }

  synchronized boolean replace(String collection, ObjectNode o) {
    return objects.replace(collection, o);
  }

  /** Deletes an object by id, with a flow's links; false when there is none. */
  synchronized boolean delete(String collection, String id) {
    if (!objects.delete(collection, id)) {
      return false;
    }
    if (collection.equals(ExternalIdSeed.FLOWS)) {
      for (Link l : Link.values()) {
        map(l).remove(key(id));
      }
    }
    return true;
  }

  /** Whether any other flow than {@code exceptId} has this display name (Graph: "Must be unique"). */
  synchronized boolean flowNameTaken(String displayName, @Nullable String exceptId) {
    for (int i = 0; i < objects.size(ExternalIdSeed.FLOWS); i++) {
      ObjectNode f = objects.at(ExternalIdSeed.FLOWS, i);
      if (f != null
          && f.path("displayName").asText().equalsIgnoreCase(displayName)
          && (exceptId == null || !f.path("id").asText().equalsIgnoreCase(exceptId))) {
        return true;
      }
    }
    return false;
  }

  /** A copy of the ids linked to a flow, in the order they were linked. */
  synchronized List<String> links(String flowId, Link link) {
    return List.copyOf(map(link).getOrDefault(key(flowId), List.of()));
  }

  /** Links an id to a flow; false when it was linked already. */
  synchronized boolean link(String flowId, Link link, String id) {
    List<String> ids = map(link).computeIfAbsent(key(flowId), k -> new ArrayList<>());
    for (String existing : ids) {
      if (existing.equalsIgnoreCase(id)) {
        return false;
      }
    }
    ids.add(id);
    return true;
  }

  /** Unlinks an id from a flow; false when it was not linked. */
  synchronized boolean unlink(String flowId, Link link, String id) {
    List<String> ids = map(link).get(key(flowId));
    return ids != null && ids.removeIf(existing -> existing.equalsIgnoreCase(id));
  }

  /** A copy of the authentication methods policy, without its configurations. */
  synchronized ObjectNode policy() {
    return policy.deepCopy();
  }

  synchronized void replacePolicy(ObjectNode p) {
    this.policy = p.deepCopy();
  }

  private Map<String, List<String>> map(Link link) {
    switch (link) {
      case APPLICATIONS:
        return applications;
      case ATTRIBUTES:
        return attributes;
      default:
        return providers;
    }
  }
}
