package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureKindTest {
  private static final String T = "contoso.onmicrosoft.com";

  @Test
  void everyExceptionTypeHasItsOwnKind() {
    assertThat(FailureKind.of(new GraphThrottledException("x", T, Duration.ofSeconds(3), 4)))
        .isEqualTo(FailureKind.THROTTLED);
    assertThat(FailureKind.of(new GraphUnavailableException("x", T, null)))
        .isEqualTo(FailureKind.UNAVAILABLE);
    assertThat(FailureKind.of(new AuthenticationFailedException("x", T, 7000215, null)))
        .isEqualTo(FailureKind.AUTHENTICATION);
    assertThat(FailureKind.of(new InsufficientPrivilegesException("x", T, "Application.Read.All")))
        .isEqualTo(FailureKind.INSUFFICIENT_PRIVILEGES);
    assertThat(FailureKind.of(new UnexpectedGraphResponseException("x", T, 200, null)))
        .isEqualTo(FailureKind.UNEXPECTED_RESPONSE);
    assertThat(FailureKind.of(new VerificationCancelledException("x", T, null)))
        .isEqualTo(FailureKind.CANCELLED);
    assertThat(FailureKind.of(new B2cPermissionsException("x", T, null)))
        .isEqualTo(FailureKind.OTHER);
  }

  @Test
  void aSubclassCountsAsItsParentsKind() {
    GraphUnavailableException special = new GraphUnavailableException("x", T, null) {
      private static final long serialVersionUID = 1L;
    };
    assertThat(FailureKind.of(special)).isEqualTo(FailureKind.UNAVAILABLE);
  }

  @Test
  void nullFailureIsRejected() {
    assertThatThrownBy(() -> FailureKind.of(null)).isInstanceOf(NullPointerException.class);
  }
}
