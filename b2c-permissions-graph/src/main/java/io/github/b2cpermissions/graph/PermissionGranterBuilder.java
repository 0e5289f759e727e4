package io.github.b2cpermissions.graph;

import com.azure.core.credential.TokenCredential;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link PermissionGranter}. Required: the {@linkplain #verifier verifier} that plans and
 * confirms, and exactly one credential: {@link #credential(TokenCredential)} for an administrator's
 * own app (the recommended path), or {@link #selfGrantWithBackupAppCredential(TokenCredential)}.
 * Not thread-safe.
 */
public final class PermissionGranterBuilder {
  /** The default bound of each grant request, end to end. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** The default time the final check waits for the grants to reach the token. */
  public static final Duration DEFAULT_AWAIT_TIMEOUT = Duration.ofMinutes(5);

  @Nullable GraphPermissionVerifier verifier;
  @Nullable TokenCredential credential;
  boolean selfGrant;
  private int credentialsSet;
  GraphCloud cloud = GraphCloud.GLOBAL;
  @Nullable OkHttpClient httpClient;
  Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  Duration awaitTimeout = DEFAULT_AWAIT_TIMEOUT;

  PermissionGranterBuilder() {}

  /**
   * Sets the verifier of the backup app: it makes the report a plan starts from and, after the
   * grants, waits for the tenant to be satisfied. The granter does not close it.
   *
   * @throws NullPointerException if {@code verifier} is null
   */
  public PermissionGranterBuilder verifier(GraphPermissionVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    return this;
  }

  /**
   * Grants with an administrator's own app: a separate app registration, consented in each tenant
   * with {@code AppRoleAssignment.ReadWrite.All} and {@code Application.Read.All}, whose credential
   * the backup job never holds. Tokens are requested for each tenant the granter works on. A
   * token that turns out to be the backup app's own is refused (see {@link
   * #selfGrantWithBackupAppCredential(TokenCredential)}).
   *
   * @throws NullPointerException if {@code credential} is null
   */
  public PermissionGranterBuilder credential(TokenCredential credential) {
    this.credential = Objects.requireNonNull(credential, "credential");
    this.selfGrant = false;
    credentialsSet++;
    return this;
  }

  /**
   * <strong>Warning: the self-escalation path.</strong> Grants with the backup app's own
   * credential, using the backup app's own {@code AppRoleAssignment.ReadWrite.All}. An app that
   * holds that role can give itself any Microsoft Graph application permission, Global
   * Administrator's equivalents included: both public tiering models this library reports put
   * the role in tier 0 ({@link io.github.b2cpermissions.GraphPermission#APP_ROLE_ASSIGNMENT_READ_WRITE_ALL}).
   * Whoever steals the backup app's secret or certificate can do the same. Use it only where the
   * customer accepted that risk in writing, and prefer an administrator's app ({@link
   * #credential(TokenCredential)}), whose credential the backup job never holds. The roles granted
   * are still only the plan's, each reported.
   *
   * @throws NullPointerException if {@code backupAppCredential} is null
   */
  public PermissionGranterBuilder selfGrantWithBackupAppCredential(TokenCredential backupAppCredential) {
    this.credential = Objects.requireNonNull(backupAppCredential, "backupAppCredential");
    this.selfGrant = true;
    credentialsSet++;
    return this;
  }

  /**
   * Sets the cloud whose Graph receives the grants; it must be the verifier's. Defaults to
   * {@link GraphCloud#GLOBAL}.
   *
   * @throws NullPointerException if {@code cloud} is null
   */
  public PermissionGranterBuilder cloud(GraphCloud cloud) {
    this.cloud = Objects.requireNonNull(cloud, "cloud");
    return this;
  }

  /**
   * Sets the HTTP client to copy for grant requests (for a proxy or trust store). The copy never
   * retries, follows no redirect and is bounded by the request timeout. Defaults to a new client.
   *
   * @throws NullPointerException if {@code client} is null
   */
  public PermissionGranterBuilder httpClient(OkHttpClient client) {
    this.httpClient = Objects.requireNonNull(client, "client");
    return this;
  }

  /**
   * Bounds each grant request end to end; a create that times out is re-read, never resent
   * blindly. Defaults to {@link #DEFAULT_REQUEST_TIMEOUT}.
   *
   * @throws NullPointerException if {@code timeout} is null
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public PermissionGranterBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = positive(timeout, "requestTimeout");
    return this;
  }

  /**
   * Bounds how long the final check waits for the granted roles to reach the backup app's token.
   * Defaults to {@link #DEFAULT_AWAIT_TIMEOUT}.
   *
   * @throws NullPointerException if {@code timeout} is null
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public PermissionGranterBuilder awaitTimeout(Duration timeout) {
    this.awaitTimeout = positive(timeout, "awaitTimeout");
    return this;
  }

  private static Duration positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
    return d;
  }

  /**
   * Builds the granter.
   *
   * @throws IllegalStateException if no verifier was set, or not exactly one credential
   */
  public PermissionGranter build() {
    if (verifier == null) {
      throw new IllegalStateException("a verifier is required: it plans and confirms the grants");
    }
    if (credentialsSet != 1) {
      throw new IllegalStateException("set exactly one credential (credential or"
          + " selfGrantWithBackupAppCredential); " + credentialsSet + " were set");
    }
    return new PermissionGranter(this);
  }

  @Override
  public String toString() {
    return "PermissionGranterBuilder{cloud=" + cloud.name() + ", selfGrant=" + selfGrant
        + ", requestTimeout=" + requestTimeout + ", awaitTimeout=" + awaitTimeout + "}";
  }
}
