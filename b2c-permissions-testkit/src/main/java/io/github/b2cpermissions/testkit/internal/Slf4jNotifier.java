package io.github.b2cpermissions.testkit.internal;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes WireMock's own messages to SLF4J (never to the console). */
final class Slf4jNotifier implements Notifier {
  private static final Logger WM = LoggerFactory.getLogger("io.github.b2cpermissions.testkit.wiremock");

  @Override
  public void info(String message) {
    WM.debug(message);
  }

  @Override
  public void error(String message) {
    WM.warn(message);
  }

  @Override
  public void error(String message, Throwable t) {
    WM.warn(message, t);
  }
}
