package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantVerificationTest {
  private static final String GUID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

  @Test
  void checkedTenantKeepsTheIdAsGivenAndItsResolvedGuid() {
    VerificationReport report = VerificationReport.builder("contoso.onmicrosoft.com")
        .allGranted().build();
    TenantVerification v = TenantVerification.of("Contoso.OnMicrosoft.com", GUID, report);

    assertThat(v.tenantId()).isEqualTo("Contoso.OnMicrosoft.com");
    assertThat(v.resolvedTenantId()).contains(GUID);
    assertThat(v.report()).contains(report);
    assertThat(v.failure()).isEmpty();
    assertThat(v.failureKind()).isEmpty();
  }

  @Test
  void repeatedElementSharesTheResultUnderItsOwnId() {
    TenantVerification first = TenantVerification.failed(GUID, GUID,
        new GraphThrottledException("throttled", GUID, null, 3));
    TenantVerification again = first.forTenantIdAsGiven(GUID.toUpperCase());

    assertThat(again.tenantId()).isEqualTo(GUID.toUpperCase());
    assertThat(again.failure()).containsSame(first.failure().orElseThrow());
    assertThat(again.resolvedTenantId()).contains(GUID);
    assertThat(again.failureKind()).contains(FailureKind.THROTTLED);
  }

  @Test
  void failureNamesItsKindInToString() {
    TenantVerification v = TenantVerification.failed("contoso.onmicrosoft.com",
        new GraphUnavailableException("Graph kept failing", null, null));

    assertThat(v.resolvedTenantId()).isEmpty();
    assertThat(v.isSatisfied()).isFalse();
    assertThat(v.toString()).contains("UNAVAILABLE", "Graph kept failing");
  }
}
