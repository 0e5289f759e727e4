package io.github.b2cpermissions.onboarding;

import io.github.b2cpermissions.testkit.AdminConsentOutcome;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app on a loopback port chosen once per JVM, so that the fake tenant can register the
 * callback as its redirect URI before the web server starts. Every subclass shares this one Spring
 * context; each test starts from the fake tenant's seed (the backup app unknown, consent asked).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class RunningOnboardingApp {
  static final int PORT = freeLoopbackPort();
  static final String BASE = "http://127.0.0.1:" + PORT;

  @Autowired FakeGraphTenant tenant;

  @DynamicPropertySource
  static void onLoopback(DynamicPropertyRegistry registry) {
    registry.add("server.address", () -> "127.0.0.1");
    registry.add("server.port", () -> PORT);
    registry.add("onboarding.public-url", () -> BASE);
  }

  @BeforeEach
  void tenantFromItsSeed() {
    tenant.reset();
    tenant.onAdminConsent(AdminConsentOutcome.ASK);
  }

  private static int freeLoopbackPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
