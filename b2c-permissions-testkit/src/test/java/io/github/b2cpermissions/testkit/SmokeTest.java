package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import io.github.b2cpermissions.B2cBackupPermission;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void smoke() {
    long t0 = System.nanoTime();
    FakeGraphTenant t = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll().without(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL).build().start();
    System.out.println("start ms " + (System.nanoTime() - t0) / 1e6);
    try {
      AccessToken at = t.credential().getTokenSync(new TokenRequestContext().addScopes(t.graphDefaultScope()));
      System.out.println(Http.claims(at.getToken()));
      var r = Http.get(t, "/v1.0/organization", at.getToken());
      System.out.println(r.statusCode() + " " + r.body());
      r = Http.get(t, "/v1.0/servicePrincipals(appId='" + t.clientId() + "')?$select=id,appId", at.getToken());
      System.out.println(r.statusCode() + " " + r.body());
      r = Http.get(t, "/v1.0/servicePrincipals/" + t.servicePrincipalId() + "/appRoleAssignments?$top=5", at.getToken());
      System.out.println(r.statusCode() + " " + r.body());
      String next = Http.json(r).path("@odata.nextLink").asText();
      r = Http.get(t, next, at.getToken());
      System.out.println(r.statusCode() + " " + r.body());
      System.out.println(t.journal());
      assertThat(r.statusCode()).isEqualTo(200);
    } finally {
      t.stop();
    }
  }
}
