package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.Sample;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DomainRoutesTest {
  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll().pageSize(1).b2cData(B2cData.sample()));

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("value").forEach(o -> out.add(o.path("id").asText()));
    return out;
  }

  @Test
  void domainsListTheInitialDomainAsDefaultThenTheCustomDomainsPageByPage(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode first = json(get(t, "/v1.0/domains", token));
    assertThat(first.path("@odata.context").asText()).endsWith("/v1.0/$metadata#domains");
    assertThat(ids(first)).containsExactly("contoso.onmicrosoft.com");
    JsonNode initial = first.path("value").get(0);
    assertThat(initial.path("isInitial").asBoolean()).isTrue();
    assertThat(initial.path("isDefault").asBoolean()).isTrue();
    assertThat(initial.path("authenticationType").asText()).isEqualTo("Managed");
    String next = first.path("@odata.nextLink").asText();
    assertThat(next).contains("$skiptoken=");
    JsonNode second = json(get(t, next.substring(next.indexOf("/v1.0/")), token));
    assertThat(ids(second)).containsExactly(Sample.CUSTOM_DOMAIN);
    assertThat(second.path("value").get(0).path("isInitial").asBoolean(true)).isFalse();
    assertThat(second.path("value").get(0).path("supportedServices").get(0).asText()).isEqualTo("Email");
    assertThat(second.has("@odata.nextLink")).isFalse();
  }

  @Test
  void aDomainIsReadByNameWithSelectAndAnUnknownNameIsNotFound(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> r = get(t, "/v1.0/domains/LOGIN.contoso.example?$select=id,isVerified", token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode d = json(r);
    assertThat(d.path("id").asText()).isEqualTo(Sample.CUSTOM_DOMAIN);
    assertThat(d.path("isVerified").asBoolean()).isTrue();
    assertThat(d.has("isDefault")).as("not selected").isFalse();
    HttpResponse<String> unknown = get(t, "/v1.0/domains/nope.example", token);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).path("error").path("code").asText()).isEqualTo("Request_ResourceNotFound");
  }

  @Test
  void aCustomDomainMarkedDefaultTakesTheDefaultFromTheInitialDomain() {
    B2cData data = B2cData.builder().add(B2cData.Kind.DOMAINS, "{\"id\":\"shop.example\",\"isDefault\":true}").build();
    FakeGraphTenant t = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedRoles("Domain.Read.All").b2cData(data).build().start();
    try {
      JsonNode page = json(get(t, "/v1.0/domains?$filter=isDefault%20eq%20true", t.issueAccessToken()));
      assertThat(ids(page)).containsExactly("shop.example");
    } finally {
      t.stop();
    }
  }

  @Test
  void domainsAreRefusedWithoutADomainOrDirectoryRole() {
    FakeGraphTenant t = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedRoles("User.Read.All", "Organization.Read.All").build().start();
    try {
      HttpResponse<String> r = get(t, "/v1.0/domains", t.issueAccessToken());
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(json(r).path("error").path("code").asText()).isEqualTo("Authorization_RequestDenied");
      assertThat(get(t, "/v1.0/domains/contoso.onmicrosoft.com", t.issueAccessToken()).statusCode()).isEqualTo(403);
    } finally {
      t.stop();
    }
  }
}
