package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.testkit.internal.UserRec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user to seed into a fake B2C tenant with {@link B2cData.Builder#user(FakeUser)}: an immutable
 * value built with {@link #builder(String)}. The fake serves it with Graph's {@code user} shape,
 * its sign-in {@code identities} and its authentication methods.
 *
 * <pre>{@code
 * FakeUser alice = FakeUser.builder("Alice Berg")
 *     .emailIdentity("alice@example.com")     // issuer: the tenant's domain
 *     .otherMails("alice@example.com")
 *     .mobilePhone("+1 4255550101")
 *     .phoneMethod("mobile", "+1 4255550101")
 *     .emailMethod("alice@example.com")
 *     .build();
 * }</pre>
 *
 * <p>Every user also gets the {@code userPrincipalName} identity Graph adds ({@code {id}@{domain}}
 * unless {@link Builder#userPrincipalName(String)} says otherwise).
 */
public final class FakeUser {
  private static final Set<String> PHONE_TYPES = Set.of("mobile", "alternateMobile", "office");

  private final UserRec rec;

  private FakeUser(UserRec rec) {
    this.rec = rec;
  }

  /**
   * A builder for a user with this display name.
   *
   * @param displayName the user's display name
   * @return a builder
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if blank
   */
  public static Builder builder(String displayName) {
    return new Builder(notBlank(displayName, "displayName"));
  }

  /** The object id. */
  public String id() {
    return rec.id;
  }

  /** The display name. */
  public String displayName() {
    return rec.displayName;
  }

  /** A copy of the compact record, for the seed. */
  UserRec record() {
    return rec.copy();
  }

  @Override
  public String toString() {
    return "FakeUser{id=" + rec.id + ", displayName=" + rec.displayName + ", identities=" + rec.identities.length + ", accountEnabled=" + rec.accountEnabled + "}";
  }

  private static String notBlank(@Nullable String s, String what) {
    Objects.requireNonNull(s, what);
    if (s.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return s;
  }

  /** Builds a {@link FakeUser}; each setter checks its argument. */
  public static final class Builder {
    private final UserRec rec;
    private final List<UserRec.Identity> identities = new ArrayList<>();
    private final List<UserRec.Phone> phones = new ArrayList<>();

    private Builder(String displayName) {
      rec = new UserRec(UUID.randomUUID().toString(), displayName);
      rec.createdEpochSecond = 1_672_531_200L; // 2023-01-01T00:00:00Z
    }

    /**
     * The object id (random unless set).
     *
     * @param id a GUID
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if not a GUID
     */
    public Builder id(String id) {
      Objects.requireNonNull(id, "id");
      if (!id.matches("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")) {
        throw new IllegalArgumentException("id must be a GUID, was '" + id + "'");
      }
      rec.id = id.toLowerCase(Locale.ROOT);
      return this;
    }

    /**
     * Given name and surname.
     *
     * @return this
     * @throws NullPointerException if either is null
     */
    public Builder name(String givenName, String surname) {
      rec.givenName = Objects.requireNonNull(givenName, "givenName");
      rec.surname = Objects.requireNonNull(surname, "surname");
      return this;
    }

    /**
     * The {@code mail} property.
     *
     * @return this
     * @throws NullPointerException if null
     */
    public Builder mail(String mail) {
      rec.mail = Objects.requireNonNull(mail, "mail");
      return this;
    }

    /**
     * The {@code userPrincipalName} ({@code {id}@{tenant domain}} unless set); it must be in the
     * tenant's domain, which the tenant checks when it is built.
     *
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if it has no {@code @}
     */
    public Builder userPrincipalName(String upn) {
      notBlank(upn, "userPrincipalName");
      if (upn.indexOf('@') < 1) {
        throw new IllegalArgumentException("userPrincipalName must look like name@domain, was '" + upn + "'");
      }
      rec.userPrincipalName = upn;
      return this;
    }

    /**
     * A local account identity signing in with an email address; the issuer is the tenant's domain.
     *
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank or without {@code @}
     */
    public Builder emailIdentity(String email) {
      notBlank(email, "email");
      if (email.indexOf('@') < 1) {
        throw new IllegalArgumentException("email must look like name@domain, was '" + email + "'");
      }
      return identity("emailAddress", null, email);
    }

    /**
     * A local account identity signing in with a user name; the issuer is the tenant's domain.
     *
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder userNameIdentity(String userName) {
      return identity("userName", null, notBlank(userName, "userName"));
    }

    /**
     * A federated identity, such as {@code ("google.com", "1234567890")}.
     *
     * @return this
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if either is blank
     */
    public Builder federatedIdentity(String issuer, String issuerAssignedId) {
      return identity("federated", notBlank(issuer, "issuer"), notBlank(issuerAssignedId, "issuerAssignedId"));
    }

    private Builder identity(String type, @Nullable String issuer, String assigned) {
      for (UserRec.Identity i : identities) {
        if (i.issuerAssignedId.equalsIgnoreCase(assigned) && Objects.equals(i.issuer, issuer)) {
          throw new IllegalArgumentException("identity " + assigned + " is already set");
        }
      }
      identities.add(new UserRec.Identity(type, issuer, assigned));
      if (!type.equals("federated")) {
        rec.creationType = "LocalAccount";
        rec.hasPassword = true;
      }
      return this;
    }

    /**
     * Whether the account is enabled (true unless set).
     *
     * @return this
     */
    public Builder accountEnabled(boolean enabled) {
      rec.accountEnabled = enabled;
      return this;
    }

    /**
     * The secondary mail addresses ({@code otherMails}).
     *
     * @return this
     * @throws NullPointerException if any is null
     * @throws IllegalArgumentException if any is blank
     */
    public Builder otherMails(String... mails) {
      for (String m : mails) {
        notBlank(m, "otherMails entry");
      }
      rec.otherMails = mails.clone();
      return this;
    }

    /**
     * The {@code mobilePhone} property.
     *
     * @return this
     * @throws NullPointerException if null
     */
    public Builder mobilePhone(String phone) {
      rec.mobilePhone = notBlank(phone, "mobilePhone");
      return this;
    }

    /**
     * The {@code businessPhones} property (Graph allows one).
     *
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder businessPhone(String phone) {
      rec.businessPhones = new String[] {notBlank(phone, "businessPhone")};
      return this;
    }

    /**
     * A phone authentication method.
     *
     * @param phoneType {@code mobile}, {@code alternateMobile} or {@code office}
     * @param phoneNumber such as {@code +1 4255550101}
     * @return this
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if the type is unknown or already set, or the number does
     *     not start with {@code +}
     */
    public Builder phoneMethod(String phoneType, String phoneNumber) {
      Objects.requireNonNull(phoneType, "phoneType");
      notBlank(phoneNumber, "phoneNumber");
      if (!PHONE_TYPES.contains(phoneType)) {
        throw new IllegalArgumentException("phoneType must be mobile, alternateMobile or office, was '" + phoneType + "'");
      }
      if (!phoneNumber.startsWith("+")) {
        throw new IllegalArgumentException("phoneNumber must start with + and the country code, was '" + phoneNumber + "'");
      }
      for (UserRec.Phone p : phones) {
        if (p.phoneType.equals(phoneType)) {
          throw new IllegalArgumentException("a " + phoneType + " phone method is already set");
        }
      }
      phones.add(new UserRec.Phone(phoneType, phoneNumber));
      return this;
    }

    /**
     * The email authentication method.
     *
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank or without {@code @}
     */
    public Builder emailMethod(String email) {
      notBlank(email, "email");
      if (email.indexOf('@') < 1) {
        throw new IllegalArgumentException("email must look like name@domain, was '" + email + "'");
      }
      rec.emailMethod = email;
      return this;
    }

    /**
     * The user.
     *
     * @return a new immutable user
     */
    public FakeUser build() {
      UserRec r = rec.copy();
      r.identities = identities.toArray(new UserRec.Identity[0]);
      r.phoneMethods = phones.toArray(new UserRec.Phone[0]);
      return new FakeUser(r);
    }

    @Override
    public String toString() {
      return "FakeUser.Builder{id=" + rec.id + ", displayName=" + rec.displayName + ", identities=" + identities.size() + "}";
    }
  }
}
