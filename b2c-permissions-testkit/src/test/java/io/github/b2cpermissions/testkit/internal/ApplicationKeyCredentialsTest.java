package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApplicationKeyCredentialsTest {
  private static final String APP = "44444444-0000-4000-8000-0000000000c1";
  private static final String KEY = "MIIBszCCAVmgAwIBAgIUFake";

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(
          FakeGraphTenant.builder()
              .b2c("contoso.onmicrosoft.com")
              .grantedAll()
              .b2cData(
                  B2cData.builder()
                      .add(
                          B2cData.Kind.APPLICATIONS,
                          "{\"id\":\"" + APP + "\",\"displayName\":\"Signed app\",\"keyCredentials\":[{\"customKeyIdentifier\":\"AB12\",\"displayName\":\"CN=signed\","
                              + "\"endDateTime\":\"2027-01-01T00:00:00Z\",\"key\":\"" + KEY + "\",\"keyId\":\"44444444-0000-4000-8000-0000000000c2\","
                              + "\"startDateTime\":\"2026-01-01T00:00:00Z\",\"type\":\"AsymmetricX509Cert\",\"usage\":\"Verify\"}]}")
                      .build()));

  @Test
  void anApplicationsPublicKeyIsReturnedOnlyWhenSelectNamesKeyCredentials(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode byDefault = json(get(t, "/v1.0/applications/" + APP, token)).path("keyCredentials").get(0);
    assertThat(byDefault.path("keyId").asText()).isEqualTo("44444444-0000-4000-8000-0000000000c2");
    assertThat(byDefault.path("key").isNull()).isTrue();
    JsonNode listed = json(get(t, "/v1.0/applications", token)).path("value").get(0).path("keyCredentials").get(0);
    assertThat(listed.path("key").isNull()).isTrue();
    JsonNode selected = json(get(t, "/v1.0/applications/" + APP + "?$select=id,keyCredentials", token)).path("keyCredentials").get(0);
    assertThat(selected.path("key").asText()).isEqualTo(KEY);
    JsonNode selectedInList = json(get(t, "/v1.0/applications?$select=id,keyCredentials", token)).path("value").get(0).path("keyCredentials").get(0);
    assertThat(selectedInList.path("key").asText()).isEqualTo(KEY);
  }
}
