package io.github.b2cpermissions.onboarding;

import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphConsentUrls;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SDK's two beans, built by hand against the fake tenant: the consent link builder and the
 * verifier, both pointed at the fake's authority and Graph hosts and trusting its self-signed
 * certificate.
 */
@Configuration(proxyBeanMethods = false)
public class VerifierConfiguration {

  /**
   * Builds the admin consent links, with this app's callback as redirect URI.
   *
   * @param tenant the fake tenant, for its hosts and the backup app's client id
   * @param properties where the app is reached
   * @return the consent link builder
   */
  @Bean
  public GraphConsentUrls consentUrls(FakeGraphTenant tenant, OnboardingProperties properties) {
    return GraphConsentUrls.builder()
        .clientId(tenant.clientId())
        .redirectUri(properties.callbackUri())
        .cloud(GraphCloud.custom(tenant.authorityHost(), tenant.graphHost()))
        .build();
  }

  /**
   * The verifier; Spring closes it with the context.
   *
   * @param tenant the fake tenant, for its hosts, credential and certificate
   * @param consentUrls the consent link builder, for the reports' consent links
   * @return the verifier
   */
  @Bean
  public GraphPermissionVerifier permissionVerifier(FakeGraphTenant tenant, GraphConsentUrls consentUrls) {
    OkHttpClient trustingFake = new OkHttpClient.Builder()
        .sslSocketFactory(tenant.sslContext().getSocketFactory(), tenant.trustManager())
        .build();
    return GraphPermissionVerifier.builder()
        .clientId(tenant.clientId())
        .credentials(tenantId -> tenant.credential())
        .cloud(consentUrls.cloud())
        .httpClient(trustingFake)
        .consentUrlBuilder(consentUrls)
        .build();
  }
}
