package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantKindTest {

  @Test
  void graphTenantTypesMapToTheirKind() {
    assertThat(TenantKind.fromTenantType("AAD B2C")).contains(TenantKind.B2C);
    assertThat(TenantKind.fromTenantType("CIAM")).contains(TenantKind.EXTERNAL_ID);
    assertThat(TenantKind.B2C.tenantType()).isEqualTo(VerificationReport.B2C_TENANT_TYPE);
    assertThat(TenantKind.EXTERNAL_ID.tenantType()).isEqualTo("CIAM");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"AAD", "aad b2c", "ciam", "AAD B2C ", " CIAM", "B2C", "EXTERNAL_ID"})
  void workforceAndUnknownTenantTypesAreNotCovered(String tenantType) {
    assertThat(TenantKind.fromTenantType(tenantType)).isEmpty();
  }
}
