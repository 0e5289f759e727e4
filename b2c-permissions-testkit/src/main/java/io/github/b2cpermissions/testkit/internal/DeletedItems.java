package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The directory's deleted items container: users and applications deleted but still restorable
 * (Entra ID soft-deletes these two; security groups, the only groups of a B2C tenant, are deleted
 * for good). A user keeps the groups it belonged to, so that a restore brings the memberships back.
 * In the order they were deleted. Not thread-safe: owned and guarded by a {@link B2cStore}.
 */
final class DeletedItems {
  /** One deleted object: a user (with its former groups) or an application as Graph JSON. */
  static final class Item {
    final String id;
    final @Nullable UserRec user;
    final @Nullable ObjectNode application;
    final String deletedDateTime;
    final List<String> groups;

    Item(String id, @Nullable UserRec user, @Nullable ObjectNode application, String deletedDateTime, List<String> groups) {
      this.id = id;
      this.user = user;
      this.application = application;
      this.deletedDateTime = deletedDateTime;
      this.groups = List.copyOf(groups);
    }

    /** The Graph type name: {@code user} or {@code application}. */
    String type() {
      return user != null ? "user" : "application";
    }
  }

  private final Map<String, Item> items = new LinkedHashMap<>();

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  void add(Item item) {
    items.put(key(item.id), item);
  }

  @Nullable
  Item get(String id) {
    return items.get(key(id));
  }

  @Nullable
  Item remove(String id) {
    return items.remove(key(id));
  }

  /** The deleted items of one type ({@code user} or {@code application}), oldest deletion first. */
  List<Item> ofType(String type) {
    List<Item> out = new ArrayList<>();
    for (Item i : items.values()) {
      if (i.type().equals(type)) {
        out.add(i);
      }
    }
    return out;
  }
}
