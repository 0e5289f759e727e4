package io.github.b2cpermissions.testkit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The users of one tenant in listing order: first the generated users, which exist only as an
 * index into a {@link UserGenerator} until one is changed (then a {@link UserRec} overlay) or
 * deleted (a bit), then the other users as {@link UserRec}s. A position never moves: a deleted
 * user leaves a hole, so a {@code $skiptoken} position stays valid while users come and go. Not
 * thread-safe: owned and guarded by a {@link B2cStore}, which records the changes.
 */
final class UserListing {
  private final UserGenerator generator;
  private final int generatedCount;
  private final BitSet generatedDeleted = new BitSet();
  private final Map<Integer, UserRec> generatedChanged = new HashMap<>();
  private final List<@Nullable UserRec> users = new ArrayList<>();
  private final Map<String, Integer> posById = new HashMap<>();

  UserListing(UserGenerator generator, int generatedCount) {
    this.generator = generator;
    this.generatedCount = generatedCount;
  }

  /**
   * A seeded user as the tenant holds it: local identities issued by its domain, a
   * userPrincipalName, and that name among its identities.
   */
  static UserRec normalized(UserRec template, String domain) {
    UserRec u = template.copy();
    UserRec.Identity[] ids = new UserRec.Identity[u.identities.length];
    for (int i = 0; i < ids.length; i++) {
      UserRec.Identity id = u.identities[i];
      ids[i] = id.issuer == null ? new UserRec.Identity(id.signInType, domain, id.issuerAssignedId) : id;
    }
    u.identities = ids;
    if (u.userPrincipalName == null) {
      u.userPrincipalName = u.id + "@" + domain;
    }
    boolean hasUpn = false;
    for (UserRec.Identity id : u.identities) {
      hasUpn |= id.signInType.equals("userPrincipalName");
    }
    if (!hasUpn) {
      UserRec.Identity[] withUpn = Arrays.copyOf(u.identities, u.identities.length + 1);
      withUpn[withUpn.length - 1] = new UserRec.Identity("userPrincipalName", domain, u.userPrincipalName);
      u.identities = withUpn;
    }
    return u;
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  /** Positions run over generated users first, then the others. */
  int positions() {
    return generatedCount + users.size();
  }

  /** The user at a position, or null for a hole. Returns the live record: copy before changing. */
  @Nullable UserRec at(int pos) {
    if (pos < generatedCount) {
      if (generatedDeleted.get(pos)) {
        return null;
      }
      UserRec changed = generatedChanged.get(pos);
      return changed != null ? changed : generator.user(pos);
    }
    int i = pos - generatedCount;
    return i < users.size() ? users.get(i) : null;
  }

  int count() {
    int n = generatedCount - generatedDeleted.cardinality();
    for (UserRec u : users) {
      if (u != null) {
        n++;
      }
    }
    return n;
  }

  /** The position of a user by object id or userPrincipalName, or -1. */
  int pos(String idOrUpn) {
    Integer p = posById.get(key(idOrUpn));
    if (p != null) {
      return users.get(p) == null ? -1 : generatedCount + p;
    }
    int g = generator.indexOf(idOrUpn);
    if (g >= 0 && g < generatedCount && !generatedDeleted.get(g)) {
      return g;
    }
    int at = idOrUpn.indexOf('@');
    if (at > 0) {
      int byUpnId = pos(idOrUpn.substring(0, at));
      if (byUpnId >= 0) {
        UserRec u = at(byUpnId);
        if (u != null && idOrUpn.equalsIgnoreCase(u.userPrincipalName)) {
          return byUpnId;
        }
      }
      for (int i = 0; i < users.size(); i++) {
        UserRec u = users.get(i);
        if (u != null && idOrUpn.equalsIgnoreCase(u.userPrincipalName)) {
          return generatedCount + i;
        }
      }
    }
    return -1;
  }

  @Nullable UserRec get(String idOrUpn) {
    int p = pos(idOrUpn);
    return p < 0 ? null : at(p);
  }

  /** The user that already holds this sign-in identity, other than {@code exceptId}, or null. */
  @Nullable UserRec identityOwner(String issuer, String issuerAssignedId, @Nullable String exceptId) {
    String except = String.valueOf(exceptId);
    int g = generator.findByIdentity(generatedCount, issuer, issuerAssignedId);
    if (g >= 0) {
      UserRec u = at(g);
      if (u != null && !u.id.equalsIgnoreCase(except) && holdsAny(u, issuer, issuerAssignedId)) {
        return u;
      }
    }
    for (UserRec u : generatedChanged.values()) {
      if (!u.id.equalsIgnoreCase(except) && holdsAny(u, issuer, issuerAssignedId) && pos(u.id) >= 0) {
        return u;
      }
    }
    for (UserRec u : users) {
      if (u != null && !u.id.equalsIgnoreCase(except) && holdsAny(u, issuer, issuerAssignedId)) {
        return u;
      }
    }
    return null;
  }

  /** Positions of the users holding a sign-in name (any issuer when null), in listing order. */
  List<Integer> positionsWithIdentity(@Nullable String issuer, String issuerAssignedId) {
    List<Integer> out = new ArrayList<>();
    int g = generator.findByIdentity(generatedCount, issuer, issuerAssignedId);
    if (g >= 0 && !generatedDeleted.get(g) && !generatedChanged.containsKey(g)) {
      out.add(g);
    }
    for (Map.Entry<Integer, UserRec> e : generatedChanged.entrySet()) {
      if (holdsAny(e.getValue(), issuer, issuerAssignedId)) {
        out.add(e.getKey());
      }
    }
    for (int i = 0; i < users.size(); i++) {
      UserRec u = users.get(i);
      if (u != null && holdsAny(u, issuer, issuerAssignedId)) {
        out.add(generatedCount + i);
      }
    }
    Collections.sort(out);
    return out;
  }

  private static boolean holdsAny(UserRec u, @Nullable String issuer, String issuerAssignedId) {
    for (UserRec.Identity i : u.identities) {
      if (i.issuerAssignedId.equalsIgnoreCase(issuerAssignedId)
          && (issuer == null || issuer.equalsIgnoreCase(i.issuer))) {
        return true;
      }
    }
    return false;
  }

  /** Appends a user at the end of the listing. */
  void add(UserRec u) {
    posById.put(key(u.id), users.size());
    users.add(u);
  }

  /**
   * Replaces the user with the same id by {@code u} (a changed copy).
   *
   * @throws IllegalStateException when no user has this id
   */
  void replace(UserRec u) {
    Integer p = posById.get(key(u.id));
    if (p != null) {
      users.set(p, u);
      return;
    }
    int g = generator.indexOf(u.id);
    if (g >= 0 && g < generatedCount) {
      generatedChanged.put(g, u);
      return;
    }
    throw new IllegalStateException("no user " + u.id);
  }

  /** Leaves a hole at a user's position. */
  void deleteAt(int pos) {
    if (pos < generatedCount) {
      generatedDeleted.set(pos);
      generatedChanged.remove(pos);
    } else {
      users.set(pos - generatedCount, null);
    }
  }

  /** Puts a deleted user back at its old position, or at the end when it never had one. */
  void restore(UserRec u) {
    Integer p = posById.get(key(u.id));
    int g = generator.indexOf(u.id);
    if (p != null) {
      users.set(p, u);
    } else if (g >= 0 && g < generatedCount) {
      generatedDeleted.clear(g);
      generatedChanged.put(g, u);
    } else {
      add(u);
    }
  }
}
