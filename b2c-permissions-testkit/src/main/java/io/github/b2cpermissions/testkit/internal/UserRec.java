package io.github.b2cpermissions.testkit.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One user of the fake B2C directory in a compact form: plain strings and arrays, no JSON. The
 * Graph JSON is built from it on demand, one page at a time. Mutable, owned by one {@link B2cStore}
 * (or a seed template, which the store copies).
 */
public final class UserRec {
  /** One entry of {@code identities}. */
  public static final class Identity {
    public final String signInType;
    /** Null in a seed template: the tenant's domain. */
    public final @Nullable String issuer;
    public final String issuerAssignedId;

    public Identity(String signInType, @Nullable String issuer, String issuerAssignedId) {
      this.signInType = signInType;
      this.issuer = issuer;
      this.issuerAssignedId = issuerAssignedId;
    }
  }

  /** A phone authentication method: {@code phoneType} is mobile, alternateMobile or office. */
  public static final class Phone {
    public final String phoneType;
    public final String phoneNumber;

    public Phone(String phoneType, String phoneNumber) {
      this.phoneType = phoneType;
      this.phoneNumber = phoneNumber;
    }
  }

  public String id;
  public String displayName;
  public @Nullable String givenName;
  public @Nullable String surname;
  public @Nullable String mail;
  public @Nullable String userPrincipalName;
  public boolean accountEnabled = true;
  public String[] otherMails = new String[0];
  public @Nullable String mobilePhone;
  public String[] businessPhones = new String[0];
  public Identity[] identities = new Identity[0];
  public long createdEpochSecond;
  public @Nullable String creationType;
  public Phone[] phoneMethods = new Phone[0];
  /** The email authentication method's address, or null. */
  public @Nullable String emailMethod;
  /** Whether the user has a password (local accounts): lists the password method. */
  public boolean hasPassword;

  public UserRec(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** A deep enough copy: arrays are replaced, never written in place, so they may be shared. */
  public UserRec copy() {
    UserRec u = new UserRec(id, displayName);
    u.givenName = givenName;
    u.surname = surname;
    u.mail = mail;
    u.userPrincipalName = userPrincipalName;
    u.accountEnabled = accountEnabled;
    u.otherMails = otherMails;
    u.mobilePhone = mobilePhone;
    u.businessPhones = businessPhones;
    u.identities = identities;
    u.createdEpochSecond = createdEpochSecond;
    u.creationType = creationType;
    u.phoneMethods = phoneMethods;
    u.emailMethod = emailMethod;
    u.hasPassword = hasPassword;
    return u;
  }

  @Override
  public String toString() {
    return "UserRec{id=" + id + ", displayName=" + displayName + ", identities=" + identities.length + ", otherMails=" + Arrays.toString(otherMails) + "}";
  }
}
