package io.github.b2cpermissions.graph.internal.check;

import com.azure.core.credential.AccessToken;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.ConsentUrlBuilder;
import io.github.b2cpermissions.InsufficientPrivilegesException;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.TenantKind;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationReportBuilder;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.internal.call.Futures;
import io.github.b2cpermissions.graph.internal.credentials.AccessTokenClaims;
import io.github.b2cpermissions.graph.internal.credentials.TokenConfirmations;
import io.github.b2cpermissions.graph.internal.credentials.TokenSource;
import io.github.b2cpermissions.graph.internal.credentials.TokenValidator;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check of one tenant, from the token to the report: acquires and validates the token, reads
 * the directory as the strategy asks (or trusts the token strategy's confirmation), decides in the
 * agreed order and finishes the report (request count, time, consent link).
 */
public final class TenantCheck {
  private static final Logger LOG = LoggerFactory.getLogger(TenantCheck.class);

  private final VerificationStrategy strategy;
  private final TokenSource tokens;
  private final TokenValidator validator;
  private final DirectoryReader directory;
  private final TokenConfirmations confirmations;
  private final @Nullable ConsentUrlBuilder consentUrlBuilder;
  private final Clock clock;
  private final Map<TenantKind, PermissionProfile> profiles;
  private final Set<String> coveredTenantTypes;

  /**
   * Creates the pipeline from its parts; {@code consentUrlBuilder} is null for no consent links.
   * {@code profiles} names the profile of each covered tenant kind and must cover {@link
   * TenantKind#B2C}, whose profile also judges a tenant of no covered kind (as not covered).
   */
  public TenantCheck(VerificationStrategy strategy, TokenSource tokens, TokenValidator validator,
      DirectoryReader directory, TokenConfirmations confirmations,
      @Nullable ConsentUrlBuilder consentUrlBuilder, Clock clock,
      Map<TenantKind, PermissionProfile> profiles) {
    this.profiles = Map.copyOf(profiles);
    if (!this.profiles.containsKey(TenantKind.B2C)) {
      throw new IllegalArgumentException("a B2C profile is required");
    }
    Set<String> covered = new HashSet<>();
    this.profiles.keySet().forEach(k -> covered.add(k.tenantType()));
    this.coveredTenantTypes = Set.copyOf(covered);
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.confirmations = Objects.requireNonNull(confirmations, "confirmations");
    this.consentUrlBuilder = consentUrlBuilder;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Checks the tenant of {@code ctx}; {@code freshToken} bypasses the credential's token cache.
   * A failed check fails the future with the exception its cause calls for, as the verifier's
   * {@code verify} documents. Nothing here waits on a thread: the token and every Graph read are
   * futures composed one on the other.
   */
  CompletableFuture<VerificationReport> run(CallContext ctx, boolean freshToken) {
    VerificationReportBuilder report = VerificationReport.builder(ctx.tenantId()).strategy(strategy)
        .profile(profileFor(null));
    return tokens.acquire(ctx, freshToken).handle((token, failure) -> {
      if (failure == null) {
        return withToken(ctx, token, report);
      }
      Throwable cause = Futures.unwrap(failure);
      if (!(cause instanceof AuthenticationFailedException e)) {
        return Futures.<VerificationReport>failed(cause);
      }
      OptionalInt code = e.aadstsCode();
      AppPresence presence = code.isPresent() ? presenceWithoutToken(code.getAsInt()) : null;
      if (presence == null) {
        return Futures.<VerificationReport>failed(e);
      }
      LOG.debug("tenant {}: no token (AADSTS{}); reporting the app as {}", ctx.tenantId(),
          code.getAsInt(), presence == AppPresence.DISABLED ? "disabled" : "not consented");
      report.tenantType(null).appPresence(presence);
      return CompletableFuture.completedFuture(finish(report, ctx));
    }).thenCompose(f -> f);
  }

  private CompletableFuture<VerificationReport> withToken(
      CallContext ctx, AccessToken token, VerificationReportBuilder report) {
    AccessTokenClaims claims;
    try {
      claims = validator.validate(ctx.tenantId(), token);
    } catch (RuntimeException e) {
      return Futures.failed(e);
    }
    ctx.tokenTenantId(claims.tenantId());
    ctx.bearerToken(token.getToken());
    if (strategy == VerificationStrategy.TOKEN) {
      return checkByToken(ctx, claims, report);
    }
    return directory.read(ctx, String.valueOf(claims.tenantId()))
        .thenApply(facts -> decide(ctx, report, facts, claims.roles()));
  }

  /**
   * The profile a tenant of {@code tenantType} is verified against: its kind's configured profile,
   * else (a type not read, not covered, or of no kind) the B2C profile, under which any answered
   * type other than {@code AAD B2C} is NOT_A_B2C_TENANT.
   */
  private PermissionProfile profileFor(@Nullable String tenantType) {
    return TenantKind.fromTenantType(tenantType).map(profiles::get)
        .orElseGet(() -> profiles.get(TenantKind.B2C));
  }

  /** What an AADSTS code refusing the token says of the app, or null when it says nothing. */
  private static @Nullable AppPresence presenceWithoutToken(int aadstsCode) {
    return switch (aadstsCode) {
      case TokenSource.APP_NOT_IN_TENANT -> AppPresence.NOT_FOUND;
      case TokenSource.APP_DISABLED -> AppPresence.DISABLED;
      default -> null;
    };
  }

  /**
   * The token strategy: the tenant type and the app's service principal are confirmed from the
   * directory once per tenant and remembered; a warm check whose token shows no sign of change
   * makes no Graph request. Any verdict other than SATISFIED forgets the confirmation.
   */
  private CompletableFuture<VerificationReport> checkByToken(
      CallContext ctx, AccessTokenClaims claims, VerificationReportBuilder report) {
    TokenConfirmations.Confirmation known = confirmations.get(ctx.tenantId());
    if (known != null && known.stillHolds(claims)) {
      PermissionProfile profile = profileFor(known.tenantType());
      report.profile(profile).tenantType(known.tenantType()).appPresence(AppPresence.ENABLED)
          .servicePrincipalId(known.servicePrincipalId());
      ReportAssembler.assemble(report, profile, null, claims.roles());
      VerificationReport built = finish(report, ctx);
      if (!built.isSatisfied()) {
        confirmations.forget(ctx.tenantId());
      }
      return CompletableFuture.completedFuture(built);
    }
    confirmations.forget(ctx.tenantId());
    return directory.confirm(ctx, String.valueOf(claims.tenantId())).thenApply(facts -> {
      VerificationReport built = decide(ctx, report, facts, claims.roles());
      if (built.isSatisfied()) {
        confirmations.put(ctx.tenantId(), new TokenConfirmations.Confirmation(
            built.profile().tenantKind().tenantType(), facts.servicePrincipalId(), claims.roles(),
            claims.objectId(), String.valueOf(claims.tenantId())));
      }
      return built;
    });
  }

  /**
   * Decides from the directory's answers, in the agreed order: the organization was already bound
   * to the token while reading; then a decisive answer (not B2C, no service principal, a disabled
   * one) wins over anything that failed; then a refused read makes the directory unreadable (or,
   * under {@link VerificationStrategy#DIRECTORY}, throws); then any other failure is thrown; only
   * then are the statuses assembled.
   */
  private VerificationReport decide(CallContext ctx, VerificationReportBuilder report,
      DirectoryFacts facts, Set<String> tokenRoles) {
    PermissionProfile profile = profileFor(facts.tenantType());
    report.profile(profile).tenantType(facts.tenantType())
        .appPresence(facts.presence() == null ? AppPresence.NOT_CHECKED : facts.presence())
        .servicePrincipalId(facts.servicePrincipalId());
    if (facts.decisive(coveredTenantTypes)) {
      return finish(report, ctx);
    }
    String refused = facts.refusedRole();
    if (refused != null) {
      if (strategy == VerificationStrategy.DIRECTORY) {
        throw new InsufficientPrivilegesException(
            "Graph refused a directory read the check of tenant " + ctx.tenantId() + " needs; the"
                + " backup app needs at least " + refused + " to be verified from the directory",
            ctx.tenantId(), refused);
      }
      LOG.debug("tenant {}: a directory read was refused; the report says DIRECTORY_UNREADABLE"
          + " (needs {})", ctx.tenantId(), refused);
      report.directoryRoleNeeded(refused);
      ReportAssembler.assemble(report, profile, null, tokenRoles);
      return finish(report, ctx);
    }
    if (facts.failure() != null) {
      throw facts.failure();
    }
    switch (strategy) {
      case TOKEN -> ReportAssembler.assemble(report, profile, null, tokenRoles);
      case DIRECTORY -> ReportAssembler.assemble(report, profile, facts, null);
      default -> ReportAssembler.assemble(report, profile, facts, tokenRoles);
    }
    return finish(report, ctx);
  }

  private VerificationReport finish(VerificationReportBuilder report, CallContext ctx) {
    report.graphRequestCount(ctx.requestCount()).checkedAt(clock.instant());
    VerificationReport built = report.build();
    if (consentUrlBuilder != null
        && (built.outcome() == VerificationOutcome.MISSING_PERMISSIONS
            || built.outcome() == VerificationOutcome.APP_NOT_CONSENTED
            || built.outcome() == VerificationOutcome.DIRECTORY_UNREADABLE)) {
      try {
        built = report.consentRequest(consentUrlBuilder.adminConsentUrl(ctx.tenantId())).build();
      } catch (RuntimeException e) {
        LOG.warn("tenant {}: no consent URL could be built ({}); the report carries none",
            ctx.tenantId(), e.getMessage());
      }
    }
    return built;
  }
}
