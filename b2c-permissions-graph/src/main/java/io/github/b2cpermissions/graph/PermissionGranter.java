package io.github.b2cpermissions.graph;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.internal.credentials.AccessTokenClaims;
import io.github.b2cpermissions.graph.internal.remediation.AssignmentApplier;
import io.github.b2cpermissions.remediation.GrantStep;
import io.github.b2cpermissions.remediation.RemediationPlan;
import io.github.b2cpermissions.remediation.RemediationResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grants the backup app the roles a {@link RemediationPlan} found missing, then confirms them.
 *
 * <pre>{@code
 * try (PermissionGranter granter = PermissionGranter.builder()
 *     .verifier(verifier)                 // the backup app's verifier
 *     .credential(adminAppCredential)     // an administrator's app, not the backup app
 *     .build()) {
 *   RemediationPlan plan = granter.plan(tenantId);   // a check, then the plan: nothing written
 *   System.out.println(plan);
 *   RemediationResult result = granter.apply(plan);  // the grants, then awaitSatisfied
 * }
 * }</pre>
 *
 * <p>Each planned assignment is one {@code POST /servicePrincipals/{graph}/appRoleAssignedTo}.
 * Applying is idempotent: Graph's answer for an assignment that already exists counts as done, and
 * a plan made from a satisfied report sends nothing. A create whose answer is unclear (timeout,
 * dropped connection, 429, 5xx) is never resent blindly: the backup app's assignments are read
 * again, and only when they show no such assignment is one more create sent. A 401 or 403 stops
 * the remaining grants (each is listed as not attempted). Every step is in the result, with
 * Graph's status and error code.
 *
 * <p>When every step is done, the result carries the verifier's {@link
 * GraphPermissionVerifier#awaitSatisfied(String, Duration) awaitSatisfied} report (bounded by
 * {@link PermissionGranterBuilder#awaitTimeout(Duration)}): SATISFIED, or PERMISSIONS_PROPAGATING
 * when the grants had not reached the token in time. Otherwise it carries one fresh check, so what
 * was and was not granted is visible. A plan with blockers and nothing to create is returned with
 * no check.
 *
 * <p>The granter grants only what the plan names and removes nothing. Thread-safe; {@link
 * #close()} releases an HTTP client the granter created (a given one, and the verifier, are left
 * open).
 */
public final class PermissionGranter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PermissionGranter.class);

  private final GraphPermissionVerifier verifier;
  private final TokenCredential credential;
  private final boolean selfGrant;
  private final GraphCloud cloud;
  private final Duration awaitTimeout;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final AssignmentApplier applier;
  private final AtomicBoolean closed = new AtomicBoolean();

  PermissionGranter(PermissionGranterBuilder b) {
    this.verifier = Objects.requireNonNull(b.verifier);
    this.credential = Objects.requireNonNull(b.credential);
    this.selfGrant = b.selfGrant;
    this.cloud = b.cloud;
    this.awaitTimeout = b.awaitTimeout;
    this.ownsHttp = b.httpClient == null;
    OkHttpClient.Builder http = b.httpClient != null ? b.httpClient.newBuilder() : new OkHttpClient.Builder();
    this.http = http.retryOnConnectionFailure(false).followRedirects(false)
        .followSslRedirects(false).connectTimeout(b.requestTimeout).readTimeout(b.requestTimeout)
        .writeTimeout(b.requestTimeout).callTimeout(b.requestTimeout).build();
    this.applier = new AssignmentApplier(this.http, cloud.graphEndpoint());
  }

  /** Starts a builder. */
  public static PermissionGranterBuilder builder() {
    return new PermissionGranterBuilder();
  }

  /**
   * Checks the tenant with the verifier and plans its remediation; writes nothing.
   *
   * @throws IllegalStateException if the granter was closed
   * @throws io.github.b2cpermissions.B2cPermissionsException as the verifier's {@code verify}
   */
  public RemediationPlan plan(String tenantId) {
    ensureOpen();
    return RemediationPlan.plan(verifier.verify(tenantId));
  }

  /**
   * Creates the plan's assignments and confirms them (see the class summary).
   *
   * @throws NullPointerException if {@code plan} is null
   * @throws IllegalStateException if the granter was closed, or its credential's token is the
   *     backup app's own while {@link PermissionGranterBuilder#selfGrantWithBackupAppCredential}
   *     was not chosen (nothing is sent then)
   * @throws AuthenticationFailedException if no token could be had for the plan's tenant
   * @throws io.github.b2cpermissions.B2cPermissionsException as the verifier's {@code verify} and
   *     {@code awaitSatisfied}, for the final check
   */
  public RemediationResult apply(RemediationPlan plan) {
    Objects.requireNonNull(plan, "plan");
    ensureOpen();
    List<GrantStep> steps = List.of();
    if (!plan.assignments().isEmpty()) {
      steps = applier.apply(plan, token(plan));
    }
    if (plan.assignments().isEmpty() && !plan.blockers().isEmpty()) {
      return new RemediationResult(plan, steps, null);
    }
    boolean clean = plan.blockers().isEmpty() && steps.stream().allMatch(GrantStep::isDone);
    VerificationReport after = clean
        ? verifier.awaitSatisfied(plan.tenantId(), awaitTimeout)
        : verifier.verify(plan.tenantId());
    LOG.debug("tenant {}: {} grant step(s), final outcome {}", plan.tenantId(), steps.size(),
        after.outcome());
    return new RemediationResult(plan, steps, after);
  }

  /**
   * Plans and applies in one call: {@code apply(plan(tenantId))}.
   *
   * @throws IllegalStateException as {@link #apply}
   * @throws AuthenticationFailedException as {@link #apply}
   * @throws io.github.b2cpermissions.B2cPermissionsException as {@link #plan} and {@link #apply}
   */
  public RemediationResult remediate(String tenantId) {
    return apply(plan(tenantId));
  }

  private String token(RemediationPlan plan) {
    TokenRequestContext request = new TokenRequestContext()
        .addScopes(cloud.graphDefaultScope()).setTenantId(plan.tenantId());
    AccessToken token;
    try {
      token = credential.getTokenSync(request);
    } catch (RuntimeException e) {
      throw new AuthenticationFailedException("the granting credential got no token for tenant "
          + plan.tenantId() + " (" + e.getClass().getSimpleName() + ")", plan.tenantId(), 0, e);
    }
    if (token == null || token.getToken() == null || token.getToken().isEmpty()) {
      throw new AuthenticationFailedException(
          "the granting credential returned no token for tenant " + plan.tenantId(),
          plan.tenantId(), 0, null);
    }
    String oid;
    try {
      oid = AccessTokenClaims.parse(token.getToken()).objectId();
    } catch (IllegalArgumentException e) {
      oid = null;
    }
    if (!selfGrant && oid != null && plan.principalId().map(oid::equalsIgnoreCase).orElse(false)) {
      throw new IllegalStateException("the granting credential is the backup app's own (its token"
          + " is for service principal " + oid + "): granting with it is the self-escalation path."
          + " Use an administrator's app, or opt in with selfGrantWithBackupAppCredential");
    }
    return token.getToken();
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the granter is closed");
    }
  }

  /** Releases the HTTP client the granter created; the verifier stays open. Closing again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "PermissionGranter{cloud=" + cloud.name() + ", selfGrant=" + selfGrant
        + ", awaitTimeout=" + awaitTimeout + "}";
  }
}
