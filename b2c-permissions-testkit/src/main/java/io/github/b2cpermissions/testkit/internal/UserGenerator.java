package io.github.b2cpermissions.testkit.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Deterministic, realistic B2C users computed from a seed and an index, so that a tenant of
 * 100,000 users costs no memory until a user is changed. The same seed, index and domain always
 * give the same user; object ids encode the index reversibly, so a lookup by id is O(1).
 *
 * <p>Mix (by index, from the seed): about 70% local accounts signing in with an email address,
 * 10% with a user name, 20% federated (Google, Facebook, Apple or an OpenID Connect provider).
 * About 3% are disabled; 45% have a mobile phone (and a phone method); local email accounts have
 * their address in {@code otherMails} and as an email method.
 */
final class UserGenerator {
  private static final String[] GIVEN = {
    "Ada", "Ben", "Chloé", "Dev", "Elif", "Farah", "Gus", "Hana", "Ivan", "Jules", "Kofi", "Lena",
    "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Vera", "Wen", "Xavi",
    "Yara", "Zoltan"
  };
  private static final String[] FAMILY = {
    "Abara", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ito", "Jansen",
    "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Silva",
    "Tanaka", "Usman", "Varga", "Weber", "Xu", "Yilmaz", "Zhang"
  };
  private static final String[] MAIL_HOSTS = {"example.com", "example.org", "example.net", "mail.example"};
  private static final String[][] FEDERATED = {
    {"google.com", "digits"}, {"facebook.com", "digits"}, {"appleid.apple.com", "apple"},
    {"https://login.partner.example/oidc", "guid"}
  };
  private static final long MULT = 0x5DEECE66DL | 1L; // odd: invertible modulo 2^48
  private static final long MULT_INV = inverse(MULT);
  private static final long MASK48 = (1L << 48) - 1;
  private static final long BASE_EPOCH = 1_640_995_200L; // 2022-01-01T00:00:00Z

  private final long seed;
  private final long idHigh;
  private final String domain;

  UserGenerator(long seed, String domain) {
    this.seed = seed;
    this.domain = domain;
    long h = mix(seed ^ 0x6A09E667F3BCC909L);
    this.idHigh = (h & ~0xF000L) | 0x4000L; // version 4
  }

  private static long inverse(long a) {
    long x = a;
    for (int i = 0; i < 6; i++) {
      x *= 2 - a * x;
    }
    return x;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** The object id of user {@code index}. */
  String id(int index) {
    long low = ((index * MULT) ^ (seed & MASK48)) & MASK48;
    long lsb = 0x8000_0000_0000_0000L | ((seed >>> 48) & 0x3FFFL) << 48 | low;
    return new UUID(idHigh, lsb).toString();
  }

  /** The index an id encodes, or -1 when it is not one of this generator's ids. */
  int indexOf(String id) {
    UUID u = Ids.parseGuid(id);
    if (u == null || u.getMostSignificantBits() != idHigh) {
      return -1;
    }
    long lsb = u.getLeastSignificantBits();
    if (lsb != (0x8000_0000_0000_0000L | ((seed >>> 48) & 0x3FFFL) << 48 | (lsb & MASK48))) {
      return -1;
    }
    long low = ((lsb & MASK48) ^ (seed & MASK48)) & MASK48;
    long index = (low * MULT_INV) & MASK48;
    return index > Integer.MAX_VALUE ? -1 : (int) index;
  }

  /** Index candidates for a generated sign-in name (the digits it ends with), or -1. */
  static int indexHint(String issuerAssignedId) {
    String s = issuerAssignedId;
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    int end = s.length();
    int start = end;
    while (start > 0 && Character.isDigit(s.charAt(start - 1))) {
      start--;
    }
    if (start == end) {
      return -1;
    }
    String digits = s.substring(Math.max(start, end - 7), end);
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  UserRec user(int index) {
    SplittableRandom r = new SplittableRandom(mix(seed * 31 + index));
    String given = GIVEN[r.nextInt(GIVEN.length)];
    String family = FAMILY[r.nextInt(FAMILY.length)];
    String id = id(index);
    UserRec u = new UserRec(id, given + " " + family);
    u.givenName = given;
    u.surname = family;
    u.userPrincipalName = id + "@" + domain;
    u.createdEpochSecond = BASE_EPOCH + index * 900L + r.nextInt(900);
    u.accountEnabled = r.nextInt(100) >= 3;
    int kind = r.nextInt(100);
    String localName = ascii(given) + "." + ascii(family);
    UserRec.Identity upn = new UserRec.Identity("userPrincipalName", domain, u.userPrincipalName);
    if (kind < 70) {
      String email = localName + index + "@" + MAIL_HOSTS[r.nextInt(MAIL_HOSTS.length)];
      u.identities = new UserRec.Identity[] {new UserRec.Identity("emailAddress", domain, email), upn};
      u.otherMails = new String[] {email};
      u.emailMethod = email;
      u.creationType = "LocalAccount";
      u.hasPassword = true;
    } else if (kind < 80) {
      String name = localName + index;
      u.identities = new UserRec.Identity[] {new UserRec.Identity("userName", domain, name), upn};
      u.creationType = "LocalAccount";
      u.hasPassword = true;
    } else {
      String[] fed = FEDERATED[r.nextInt(FEDERATED.length)];
      String subject;
      switch (fed[1]) {
        case "digits":
          subject = String.format(Locale.ROOT, "1%012d%07d", r.nextLong(1_000_000_000_000L), index);
          break;
        case "apple":
          subject = String.format(Locale.ROOT, "%06d.%032x.%04d%07d", r.nextInt(1_000_000), r.nextLong(), r.nextInt(10_000), index);
          break;
        default:
          subject = new UUID(r.nextLong(), r.nextLong()).toString() + "-" + String.format(Locale.ROOT, "%07d", index);
      }
      u.identities = new UserRec.Identity[] {new UserRec.Identity("federated", fed[0], subject), upn};
      String mail = localName + index + "@" + MAIL_HOSTS[r.nextInt(MAIL_HOSTS.length)];
      u.otherMails = new String[] {mail};
    }
    if (r.nextInt(100) < 45) {
      u.mobilePhone = String.format(Locale.ROOT, "+1 425555%04d", r.nextInt(10_000));
      u.phoneMethods = new UserRec.Phone[] {new UserRec.Phone("mobile", u.mobilePhone)};
    }
    if (r.nextInt(100) < 5) {
      u.businessPhones = new String[] {String.format(Locale.ROOT, "+1 206555%04d", r.nextInt(10_000))};
    }
    return u;
  }

  /** The generated user whose identity this is, among {@code count} users, or -1. */
  int findByIdentity(int count, @Nullable String issuer, String issuerAssignedId) {
    int i = indexHint(issuerAssignedId);
    if (i < 0 || i >= count) {
      return -1;
    }
    for (UserRec.Identity id : user(i).identities) {
      if (id.issuerAssignedId.equalsIgnoreCase(issuerAssignedId)
          && (issuer == null || issuer.equalsIgnoreCase(id.issuer))) {
        return i;
      }
    }
    return -1;
  }

  private static String ascii(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD);
    return n.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }
}
