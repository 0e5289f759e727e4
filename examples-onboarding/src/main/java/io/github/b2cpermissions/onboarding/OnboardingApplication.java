package io.github.b2cpermissions.onboarding;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the onboarding web app (by default on http://localhost:8080, with its fake tenant). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OnboardingApplication {

  /**
   * Runs the app until it is stopped.
   *
   * @param args Spring Boot arguments, such as {@code --server.port=8081}
   */
  public static void main(String[] args) {
    SpringApplication.run(OnboardingApplication.class, args);
  }
}
