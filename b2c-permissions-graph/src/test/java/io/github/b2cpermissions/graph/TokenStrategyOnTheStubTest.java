package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The token strategy's per-tenant confirmation on the hostile stub: what a warm report carries, and
 * which change of the token's claims sends the check back to the directory.
 */
class TokenStrategyOnTheStubTest {

  /** An unsigned app token for {@code t} with the given {@code oid} (none when null). */
  private static String token(StubDirectory t, String oid) {
    StringBuilder roles = new StringBuilder();
    for (String r : t.grantedRoleValues()) {
      roles.append(roles.length() == 0 ? "" : ",").append('"').append(r).append('"');
    }
    String payload = "{\"aud\":\"" + StubDirectory.GRAPH_APP_ID + "\",\"tid\":\"" + t.tenantId
        + "\",\"appid\":\"" + t.backupAppId + "\",\"exp\":" + Instant.now().plusSeconds(3600).getEpochSecond()
        + (oid == null ? "" : ",\"oid\":\"" + oid + "\"") + ",\"roles\":[" + roles + "]}";
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    return enc.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + enc.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
  }

  private static TokenCredential serving(AtomicReference<String> jwt) {
    return request -> Mono.fromSupplier(
        () -> new AccessToken(jwt.get(), OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
  }

  @Test
  void warmReportCarriesWhatTheConfirmationFound() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v =
        t.verifierBuilder(stub).strategy(VerificationStrategy.TOKEN).build()) {
      VerificationReport cold = v.verify(t.tenantId);
      VerificationReport warm = v.verify(t.tenantId);
      assertThat(warm.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(warm.strategy()).isEqualTo(VerificationStrategy.TOKEN);
      assertThat(warm.graphRequestCount()).isZero();
      assertThat(warm.tenantType()).contains("AAD B2C");
      assertThat(warm.appPresence()).isEqualTo(AppPresence.ENABLED);
      assertThat(warm.servicePrincipalId()).contains(t.servicePrincipalId);
      assertThat(cold.graphRequestCount()).isEqualTo(1);
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void tokenWithAnotherObjectIdIsConfirmedAgain() {
    StubDirectory t = StubDirectory.grantedAll();
    AtomicReference<String> jwt = new AtomicReference<>(token(t, "0aaaaaaa-0000-0000-0000-000000000001"));
    try (GraphStub stub = t.start(); GraphPermissionVerifier v =
        t.verifierBuilderWithoutCredential(stub).credential(serving(jwt))
            .strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(v.verify(t.tenantId).graphRequestCount()).isEqualTo(1);
      assertThat(v.verify(t.tenantId).graphRequestCount()).isZero();
      jwt.set(token(t, "0aaaaaaa-0000-0000-0000-000000000002")); // the app was re-created
      VerificationReport again = v.verify(t.tenantId);
      assertThat(again.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(again.graphRequestCount()).isEqualTo(1);
      jwt.set(token(t, null));
      assertThat(v.verify(t.tenantId).graphRequestCount()).isEqualTo(1);
      assertThat(v.verify(t.tenantId).graphRequestCount()).isZero();
      assertThat(stub.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void removedAppFoundOnConfirmationIsNotConsentedAndNotRemembered() {
    StubDirectory t = StubDirectory.grantedAll();
    t.servicePrincipalPresent = false;
    try (GraphStub stub = t.start(); GraphPermissionVerifier v =
        t.verifierBuilder(stub).strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.APP_NOT_CONSENTED);
      t.servicePrincipalPresent = true;
      VerificationReport after = v.verify(t.tenantId);
      assertThat(after.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(after.graphRequestCount()).isEqualTo(1);
    }
  }

  /**
   * A confirmation is dropped as soon as a token no longer matches it, even when the directory
   * then refuses to confirm: a check that goes back to the earlier token must not find the old
   * confirmation and answer SATISFIED from it while the app is disabled.
   */
  @Test
  void aTokenThatNoLongerMatchesDropsTheConfirmationEvenWhenTheNewOneFails() {
    StubDirectory t = StubDirectory.grantedAll();
    String first = token(t, "0aaaaaaa-0000-0000-0000-000000000001");
    AtomicReference<String> jwt = new AtomicReference<>(first);
    try (GraphStub stub = t.start(); GraphPermissionVerifier v =
        t.verifierBuilderWithoutCredential(stub).credential(serving(jwt))
            .strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      t.accountEnabled = false;
      jwt.set(token(t, "0aaaaaaa-0000-0000-0000-000000000002"));
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.APP_DISABLED);
      jwt.set(first);

      VerificationReport back = v.verify(t.tenantId);

      assertThat(back.outcome()).isEqualTo(VerificationOutcome.APP_DISABLED);
      assertThat(back.graphRequestCount()).isEqualTo(1);
    }
  }

  /** A warm check judges the token's roles alone, and lists one the profile does not need. */
  @Test
  void aWarmCheckListsTheTokensExcessRole() {
    StubDirectory t = StubDirectory.grantedAll();
    t.grant(io.github.b2cpermissions.GraphAppRoles.byValue("User.Read.All").orElseThrow().id());
    AtomicReference<String> jwt = new AtomicReference<>(token(t, null));
    try (GraphStub stub = t.start(); GraphPermissionVerifier v =
        t.verifierBuilderWithoutCredential(stub).credential(serving(jwt))
            .strategy(VerificationStrategy.TOKEN).build()) {
      v.verify(t.tenantId);

      VerificationReport warm = v.verify(t.tenantId);

      assertThat(warm.graphRequestCount()).isZero();
      assertThat(warm.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(warm.excessRoles()).extracting(r -> r.value()).containsExactly("User.Read.All");
    }
  }
}
