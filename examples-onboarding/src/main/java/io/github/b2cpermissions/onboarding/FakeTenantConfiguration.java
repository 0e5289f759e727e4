package io.github.b2cpermissions.onboarding;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.spring.GraphVerifierCustomizer;
import io.github.b2cpermissions.testkit.AdminConsentOutcome;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tenant to onboard: a fake Azure AD B2C tenant from the testkit, on a fake Microsoft Graph
 * started with the app (on {@code onboarding.fake-port} of 127.0.0.1) and stopped with it. Like a
 * customer's tenant on its first day, it does not know the backup app yet; its consent page asks
 * the administrator to accept or cancel, and the backup app's registered redirect URI is this
 * app's consent callback.
 *
 * <p>The starter's verifier and consent URL builder come from the {@code b2c-permissions.*}
 * properties in {@code application.properties}, which point at the fake's hosts. The only beans a
 * real deployment would not have are the two that stand in for Entra ID: the fake's credential
 * and its self-signed certificate's trust.
 */
@Configuration(proxyBeanMethods = false)
public class FakeTenantConfiguration {

  /** The fake tenant's domain, the value to type on the "connect your tenant" page. */
  public static final String DEMO_DOMAIN = "contoso-onboarding.onmicrosoft.com";

  /**
   * The fake Microsoft Graph and sign-in endpoints.
   *
   * @param properties the port to listen on
   * @return the started server; Spring stops it when the context closes
   */
  @Bean(destroyMethod = "stop")
  public FakeGraph fakeGraph(OnboardingProperties properties) {
    return FakeGraph.builder().port(properties.fakePort()).build().start();
  }

  /**
   * The tenant on the fake, without the backup app, asking on its consent page.
   *
   * @param server the fake
   * @param properties where the app is reached, for the registered redirect URI
   * @return the tenant
   */
  @Bean
  public FakeGraphTenant onboardingTenant(FakeGraph server, OnboardingProperties properties) {
    FakeGraphTenant tenant = server.addTenant(FakeGraphTenant.builder()
        .b2c(DEMO_DOMAIN)
        .redirectUris(properties.callbackUri())
        .servicePrincipal(AppPresence.NOT_FOUND));
    tenant.app().onAdminConsent(AdminConsentOutcome.ASK);
    return tenant;
  }

  /**
   * The backup app's credential on the fake, for every tenant it hosts; the starter uses a {@link
   * TokenCredential} bean in place of a client secret.
   *
   * @param server the fake
   * @return the credential
   */
  @Bean
  public TokenCredential fakeCredential(FakeGraph server) {
    return server.cachingCredential();
  }

  /**
   * Makes the starter's verifier trust the fake's self-signed certificate (and nothing else).
   *
   * @param server the fake
   * @return the customizer
   */
  @Bean
  public GraphVerifierCustomizer trustTheFake(FakeGraph server) {
    return builder -> builder.httpClient(new OkHttpClient.Builder()
        .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager())
        .build());
  }
}
