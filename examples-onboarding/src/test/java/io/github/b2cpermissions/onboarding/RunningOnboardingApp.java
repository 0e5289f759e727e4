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
 * The app, and its fake Graph, on loopback ports chosen once per JVM, so that the fake tenant can
 * register the callback as its redirect URI and the starter's properties can name the fake's
 * hosts before anything starts. Every subclass shares this one Spring
 * context; each test starts from the fake tenant's seed (the backup app unknown, consent asked).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class RunningOnboardingApp {
  private static final int[] PORTS = freeLoopbackPorts();
  static final int PORT = PORTS[0];
  static final int FAKE_PORT = PORTS[1];
  static final String BASE = "http://127.0.0.1:" + PORT;

  @Autowired FakeGraphTenant tenant;

  @DynamicPropertySource
  static void onLoopback(DynamicPropertyRegistry registry) {
    registry.add("server.address", () -> "127.0.0.1");
    registry.add("server.port", () -> PORT);
    registry.add("onboarding.public-url", () -> BASE);
    registry.add("onboarding.fake-port", () -> FAKE_PORT);
  }

  @BeforeEach
  void tenantFromItsSeed() {
    tenant.reset();
    tenant.app().onAdminConsent(AdminConsentOutcome.ASK);
  }

  /** Two distinct free ports (both sockets are open at once, so they differ). */
  private static int[] freeLoopbackPorts() {
    try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new int[] {a.getLocalPort(), b.getLocalPort()};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
