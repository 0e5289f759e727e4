package io.github.b2cpermissions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PreBackupCheckDemoTest {

  @Test
  void demoEndsSatisfiedAfterConsent() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    boolean satisfied;
    try {
      satisfied = PreBackupCheckDemo.run();
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(satisfied).as(out).isTrue();
    assertThat(out).contains("profile B2C_BACKUP_ONLY v1, 0 tier-0 grant(s)",
        "profile EXTERNAL_ID_BACKUP_AND_RESTORE v1", "(CIAM): SATISFIED", "a restore needs (second app)");
    assertThat(out.strip()).endsWith("SATISFIED: the full backup can run.");
    assertThat(out).contains("MISSING_PERMISSIONS", "MISSING      User-Phone.ReadWrite.All",
        "consent URL: https://127.0.0.1:", "granted admin consent", "SATISFIED: the full backup can run.");
  }
}
