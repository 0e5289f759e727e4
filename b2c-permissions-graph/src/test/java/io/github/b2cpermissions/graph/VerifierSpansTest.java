package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.internal.observe.MicrometerCheckObserver;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The verifier's observations as OpenTelemetry spans (Micrometer Tracing's OpenTelemetry bridge,
 * exported in memory), on the testkit fake: a check is one span, its retries and token requests are
 * its children in its trace although they happen on HTTP client threads.
 */
class VerifierSpansTest {
  private static final AttributeKey<String> TENANT_ID = AttributeKey.stringKey("tenant.id");

  private FakeGraph server;

  private InMemorySpanExporter exporter;
  private SdkTracerProvider provider;
  private ObservationRegistry tracing;

  @BeforeEach
  void wireTracing() {
    server = OnTheFake.server();
    exporter = InMemorySpanExporter.create();
    provider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    OtelTracer tracer = new OtelTracer(provider.get("VerifierSpansTest"),
        new OtelCurrentTraceContext(), event -> {});
    tracing = ObservationRegistry.create();
    tracing.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
  }

  @AfterEach
  void closeTracing() {
    provider.close();
  }

  private GraphPermissionVerifier verifier(VerifierObservations observations) {
    return OnTheFake.verifierBuilder(server).observations(observations).build();
  }

  private FakeGraphTenant grantedTenant() {
    return server.addTenant(FakeGraphTenant.builder().grantedAll());
  }

  private List<SpanData> spans(String name) {
    return exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
  }

  private SpanData onlyCheckSpan() {
    List<SpanData> checks = spans(MicrometerCheckObserver.CHECK);
    assertThat(checks).hasSize(1);
    return checks.get(0);
  }

  /** Asserts {@code child} is a direct child of {@code parent}, in its trace. */
  private static void assertChildOf(SpanData child, SpanData parent) {
    assertThat(child.getTraceId()).as("trace of %s", child.getName())
        .isEqualTo(parent.getTraceId());
    assertThat(child.getParentSpanId()).as("parent of %s", child.getName())
        .isEqualTo(parent.getSpanId());
  }

  @Test
  void aCheckIsOneSpanNamedAsItsObservationWithItsOutcomeStrategyAndItsTokenRequestInside() {
    FakeGraphTenant t = grantedTenant();
    try (GraphPermissionVerifier v = verifier(VerifierObservations.of(tracing))) {
      assertThat(v.verify(t.tenantId()).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    }

    SpanData check = onlyCheckSpan();
    assertThat(check.getParentSpanContext().isValid()).as("the check is a root span").isFalse();
    assertThat(check.getAttributes().get(AttributeKey.stringKey("outcome"))).isEqualTo("SATISFIED");
    assertThat(check.getAttributes().get(AttributeKey.stringKey("strategy")))
        .isEqualTo("DIRECTORY_AND_TOKEN");
    assertThat(check.getAttributes().get(TENANT_ID)).isEqualTo(t.tenantId());
    List<SpanData> tokens = spans(MicrometerCheckObserver.TOKEN);
    assertThat(tokens).isNotEmpty();
    tokens.forEach(token -> assertChildOf(token, check));
    assertThat(exporter.getFinishedSpanItems())
        .extracting(SpanData::getName)
        .as("no span is named other than its observation")
        .allMatch(n -> n.startsWith("b2c.permissions."));
  }

  @Test
  void aRequestRetriedAfterA503IsARetrySpanInsideItsCheck() {
    FakeGraphTenant t = grantedTenant();
    try (GraphPermissionVerifier v = verifier(VerifierObservations.of(tracing))) {
      server.faults().failNext(1, 503);
      assertThat(v.verify(t.tenantId()).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    }

    SpanData check = onlyCheckSpan();
    List<SpanData> retries = spans(MicrometerCheckObserver.RETRY);
    assertThat(retries).hasSize(1);
    assertChildOf(retries.get(0), check);
    assertThat(retries.get(0).getAttributes().get(AttributeKey.stringKey("status")))
        .isEqualTo("503");
  }

  @Test
  void aThrottleWithRetryAfterZeroIsARetrySpanInsideItsCheck() {
    FakeGraphTenant t = grantedTenant();
    try (GraphPermissionVerifier v = verifier(VerifierObservations.of(tracing))) {
      server.faults().throttleNext(1, Duration.ZERO);
      assertThat(v.verify(t.tenantId()).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    }

    SpanData check = onlyCheckSpan();
    List<SpanData> retries = spans(MicrometerCheckObserver.RETRY);
    assertThat(retries).hasSize(1);
    assertChildOf(retries.get(0), check);
    assertThat(retries.get(0).getAttributes().get(AttributeKey.stringKey("status")))
        .isEqualTo("429");
    assertThat(retries.get(0).getAttributes().get(AttributeKey.stringKey("retry.after")))
        .isEqualTo("0");
  }

  @Test
  void aFailedTokenRequestIsAnErrorSpanInsideItsFailedCheck() {
    String absent = "0badc0de-0000-4000-8000-000000000002";
    try (GraphPermissionVerifier v = GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID).credential(server.cachingCredential())
        .cloud(GraphCloud.custom(server.authorityHost(), server.graphHost()))
        .httpClient(new OkHttpClient.Builder()
            .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager())
            .build())
        .observations(VerifierObservations.of(tracing)).build()) {
      assertThatThrownBy(() -> v.verify(absent)).isInstanceOf(B2cPermissionsException.class);
    }

    SpanData check = onlyCheckSpan();
    assertThat(check.getAttributes().get(AttributeKey.stringKey("outcome"))).isEqualTo("FAILED");
    assertThat(check.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    List<SpanData> tokens = spans(MicrometerCheckObserver.TOKEN);
    assertThat(tokens).isNotEmpty();
    tokens.forEach(token -> assertChildOf(token, check));
  }

  @Test
  void twoChecksInProgressTogetherKeepTheirOwnRetriesAndTokenRequests() {
    FakeGraphTenant a = grantedTenant();
    FakeGraphTenant b = grantedTenant();
    // The check of a waits for its token until the check of b has run from start to end; then
    // the first request of a is refused once, so its retry happens after b's check started.
    CompletableFuture<Void> bDone = new CompletableFuture<>();
    Function<String, TokenCredential> credentials = tenant -> {
      TokenCredential own = server.tenant(tenant).orElseThrow().credential();
      return tenant.equals(a.tenantId())
          ? request -> Mono.fromFuture(bDone).then(own.getToken(request)) : own;
    };
    try (GraphPermissionVerifier v = OnTheFake.verifierBuilder(server).credentials(credentials)
        .observations(VerifierObservations.of(tracing)).build()) {
      CompletableFuture<VerificationReport> first = v.verifyAsync(a.tenantId());
      assertThat(v.verify(b.tenantId()).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      server.faults().failNext(1, 503);
      bDone.complete(null);
      assertThat(first.join().outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    }

    List<SpanData> checks = spans(MicrometerCheckObserver.CHECK);
    assertThat(checks).hasSize(2);
    SpanData checkOfA = checks.stream()
        .filter(c -> a.tenantId().equals(c.getAttributes().get(TENANT_ID))).findFirst().orElseThrow();
    SpanData checkOfB = checks.stream()
        .filter(c -> b.tenantId().equals(c.getAttributes().get(TENANT_ID))).findFirst().orElseThrow();
    assertThat(checkOfA.getTraceId()).isNotEqualTo(checkOfB.getTraceId());
    assertThat(childNames(checkOfA)).containsExactlyInAnyOrder(
        MicrometerCheckObserver.TOKEN, MicrometerCheckObserver.RETRY);
    assertThat(childNames(checkOfB)).containsExactly(MicrometerCheckObserver.TOKEN);
    assertThat(exporter.getFinishedSpanItems()).hasSize(5);
  }

  /** The names of the spans whose parent is {@code check}, each in its trace. */
  private List<String> childNames(SpanData check) {
    return exporter.getFinishedSpanItems().stream()
        .filter(s -> s.getParentSpanId().equals(check.getSpanId()))
        .peek(s -> assertThat(s.getTraceId()).isEqualTo(check.getTraceId()))
        .map(SpanData::getName).toList();
  }

  @Test
  void withoutTenantIdsTheCheckSpanCarriesNoTenantIdAndStillHoldsItsChildren() {
    FakeGraphTenant t = grantedTenant();
    try (GraphPermissionVerifier v = verifier(VerifierObservations.of(tracing).withoutTenantIds())) {
      server.faults().throttleNext(1, Duration.ZERO);
      v.verify(t.tenantId());
    }

    SpanData check = onlyCheckSpan();
    assertThat(check.getAttributes().get(TENANT_ID)).isNull();
    assertThat(check.getAttributes().asMap().values()).doesNotContain(t.tenantId());
    assertThat(exporter.getFinishedSpanItems()).hasSizeGreaterThan(1)
        .filteredOn(s -> s != check).allSatisfy(child -> assertChildOf(child, check));
  }

  @Test
  void theNoopRegistryRecordsNothingWhereTheTracingOneRecordsTheCheckAndItsChildren() {
    FakeGraphTenant t = grantedTenant();
    try (GraphPermissionVerifier v = verifier(VerifierObservations.of(ObservationRegistry.NOOP))) {
      server.faults().throttleNext(1, Duration.ZERO);
      v.verify(t.tenantId());
    }
    assertThat(exporter.getFinishedSpanItems()).isEmpty();

    // The same check on the tracing registry, so the silence above is the registry's doing.
    try (GraphPermissionVerifier v = verifier(VerifierObservations.of(tracing))) {
      server.faults().throttleNext(1, Duration.ZERO);
      v.verify(t.tenantId());
    }
    SpanData check = onlyCheckSpan();
    assertThat(spans(MicrometerCheckObserver.RETRY)).hasSize(1)
        .allSatisfy(retry -> assertChildOf(retry, check));
  }
}
