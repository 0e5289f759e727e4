package io.github.b2cpermissions.onboarding;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.testkit.AdminConsentOutcome;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tenant to onboard: a fake Azure AD B2C tenant from the testkit, started with the app and
 * stopped with it. Like a customer's tenant on its first day, it does not know the backup app yet;
 * its consent page asks the administrator to accept or cancel. The backup app's registered redirect
 * URI is this app's consent callback.
 */
@Configuration(proxyBeanMethods = false)
public class FakeTenantConfiguration {

  /** The fake tenant's domain, the value to type on the "connect your tenant" page. */
  public static final String DEMO_DOMAIN = "contoso-onboarding.onmicrosoft.com";

  /**
   * The started fake tenant.
   *
   * @param properties where the app is reached, for the registered redirect URI
   * @return the running tenant; Spring stops it when the context closes
   */
  @Bean(destroyMethod = "stop")
  public FakeGraphTenant onboardingTenant(OnboardingProperties properties) {
    FakeGraphTenant tenant = FakeGraphTenant.builder()
        .b2c(DEMO_DOMAIN)
        .redirectUris(properties.callbackUri())
        .servicePrincipal(AppPresence.NOT_FOUND)
        .build()
        .start();
    tenant.onAdminConsent(AdminConsentOutcome.ASK);
    return tenant;
  }
}
