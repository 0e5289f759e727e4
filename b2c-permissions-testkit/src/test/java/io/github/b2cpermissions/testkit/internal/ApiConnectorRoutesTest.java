package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.delete;
import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static io.github.b2cpermissions.testkit.Http.post;
import static io.github.b2cpermissions.testkit.Http.send;
import static io.github.b2cpermissions.testkit.Http.uri;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.Sample;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiConnectorRoutesTest {
  private static final String CONNECTORS = "/v1.0/identity/apiConnectors";

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedRoles("APIConnectors.ReadWrite.All").b2cData(B2cData.sample()));

  private static HttpResponse<String> patch(FakeGraphTenant t, String path, String token, String json) {
    return send(
        t,
        HttpRequest.newBuilder(uri(t, path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  @Test
  void theSampleConnectorShowsItsUserNameButNeverItsPassword(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, CONNECTORS, t.issueAccessToken());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("sample-connector-secret");
    JsonNode c = json(r).path("value").get(0);
    assertThat(c.path("id").asText()).isEqualTo(Sample.API_CONNECTOR_LOYALTY);
    assertThat(c.path("targetUrl").asText()).isEqualTo("https://api.example.com/b2c/validate-loyalty");
    JsonNode auth = c.path("authenticationConfiguration");
    assertThat(auth.path("@odata.type").asText()).isEqualTo("#microsoft.graph.basicAuthentication");
    assertThat(auth.path("username").asText()).isEqualTo("b2c-connector");
    assertThat(auth.path("password").asText()).isEqualTo("******");
  }

  @Test
  void aConnectorIsCreatedReadUpdatedAndDeletedWithItsSecretMasked(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> created =
        post(t, CONNECTORS, token,
            "{\"displayName\":\"Age check\",\"targetUrl\":\"https://api.example.com/age\","
                + "\"authenticationConfiguration\":{\"@odata.type\":\"#microsoft.graph.basicAuthentication\",\"username\":\"u\",\"password\":\"hunter2\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("hunter2");
    String id = json(created).path("id").asText();
    assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith(CONNECTORS + "/" + id);
    assertThat(patch(t, CONNECTORS + "/" + id, token, "{\"displayName\":\"Age gate\"}").statusCode()).isEqualTo(204);
    HttpResponse<String> read = get(t, CONNECTORS + "/" + id + "?$select=displayName,authenticationConfiguration", token);
    assertThat(json(read).path("displayName").asText()).isEqualTo("Age gate");
    assertThat(json(read).path("authenticationConfiguration").path("password").asText()).isEqualTo("******");
    assertThat(json(read).has("targetUrl")).isFalse();
    assertThat(delete(t, CONNECTORS + "/" + id, token).statusCode()).isEqualTo(204);
    assertThat(get(t, CONNECTORS + "/" + id, token).statusCode()).isEqualTo(404);
    assertThat(delete(t, CONNECTORS + "/" + id, token).statusCode()).isEqualTo(404);
  }

  @Test
  void anUploadedCertificateComesBackAsItsThumbprintOnly(FakeGraphTenant t) {
    HttpResponse<String> created =
        post(t, CONNECTORS, t.issueAccessToken(),
            "{\"displayName\":\"Cert API\",\"targetUrl\":\"https://api.example.com/cert\","
                + "\"authenticationConfiguration\":{\"@odata.type\":\"#microsoft.graph.pkcs12Certificate\",\"pkcs12Value\":\"MIIKcQIBAz\",\"password\":\"pfx-secret\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("pfx-secret").doesNotContain("MIIKcQIBAz");
    JsonNode auth = json(created).path("authenticationConfiguration");
    assertThat(auth.path("@odata.type").asText()).isEqualTo("#microsoft.graph.clientCertificateAuthentication");
    JsonNode cert = auth.path("certificateList").get(0);
    assertThat(cert.path("thumbprint").asText()).matches("[0-9A-F]{40}");
    assertThat(cert.path("notAfter").asLong()).isGreaterThan(cert.path("notBefore").asLong());
    assertThat(cert.path("isActive").asBoolean()).isTrue();
  }

  @Test
  void invalidBodiesAreRefusedAndAnUnknownIdIsNotFound(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String basic = "\"authenticationConfiguration\":{\"@odata.type\":\"#microsoft.graph.basicAuthentication\",\"username\":\"u\",\"password\":\"p\"}";
    assertThat(post(t, CONNECTORS, token, "{\"displayName\":\"No URL\"," + basic + "}").statusCode()).isEqualTo(400);
    assertThat(post(t, CONNECTORS, token, "{\"displayName\":\"Plain\",\"targetUrl\":\"http://api.example.com\"," + basic + "}").statusCode()).isEqualTo(400);
    assertThat(post(t, CONNECTORS, token, "{\"displayName\":\"X\",\"targetUrl\":\"https://a.example\",\"authenticationConfiguration\":{\"@odata.type\":\"#microsoft.graph.basicAuthentication\"}}").statusCode())
        .isEqualTo(400);
    HttpResponse<String> unknownProperty = post(t, CONNECTORS, token, "{\"displayName\":\"X\",\"targetUrl\":\"https://a.example\",\"colour\":\"red\"," + basic + "}");
    assertThat(unknownProperty.statusCode()).isEqualTo(400);
    assertThat(json(unknownProperty).path("error").path("message").asText()).contains("colour");
    assertThat(t.journal().unmatched()).as("strict mode flags the property the fake does not model").hasSize(1);
    t.journal().clear();
    assertThat(get(t, CONNECTORS + "/00000000-0000-4000-8000-0000000000ee", token).statusCode()).isEqualTo(404);
    assertThat(patch(t, CONNECTORS + "/00000000-0000-4000-8000-0000000000ee", token, "{\"displayName\":\"Y\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void apiConnectorsNeedTheirOwnRoleEvenForReads() {
    FakeGraphTenant t = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll().b2cData(B2cData.sample()).build().start();
    try {
      assertThat(get(t, CONNECTORS, t.issueAccessToken()).statusCode()).isEqualTo(403);
      assertThat(get(t, CONNECTORS + "/" + Sample.API_CONNECTOR_LOYALTY, t.issueAccessToken()).statusCode()).isEqualTo(403);
    } finally {
      t.stop();
    }
  }
}
