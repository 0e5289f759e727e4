package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.BackupOperation;
import io.github.b2cpermissions.ConsentCallback;
import io.github.b2cpermissions.PermissionVerifier;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphConsentUrls;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphRetryPolicy;
import java.time.Duration;
import java.util.Set;

/**
 * The code shown in README.md, compiled here so it cannot rot: a test compares each region between
 * {@code // snippet:NAME} and {@code // end-snippet} with the README block of the same name.
 */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  static GraphPermissionVerifier buildVerifier(String backupAppClientId, String clientSecret) {
    // snippet:build
    GraphConsentUrls consent = GraphConsentUrls.builder()
        .clientId(backupAppClientId)
        .redirectUri("https://backup.example.com/consent/callback")
        .build();
    GraphPermissionVerifier verifier = GraphPermissionVerifier.builder()
        .clientId(backupAppClientId)
        .clientSecret(clientSecret)                 // or .clientCertificate(path, password)
        .cloud(GraphCloud.GLOBAL)                   // CHINA, US_GOV_L4, US_GOV_L5, or custom(...)
        .retryPolicy(GraphRetryPolicy.custom().maxAttempts(5).deadline(Duration.ofMinutes(2)).build())
        .consentUrlBuilder(consent)
        .build();
    // end-snippet
    return verifier;
  }

  static void beforeBackup(PermissionVerifier verifier, String tenantId) {
    // snippet:verify
    VerificationReport report = verifier.verify(tenantId);
    switch (report.outcome()) {
      case SATISFIED -> runFullBackup(tenantId);
      case MISSING_PERMISSIONS, PERMISSIONS_PROPAGATING -> {
        Set<BackupCapability> areas = report.capabilities(BackupOperation.BACKUP);
        runPartialBackup(tenantId, areas);
        report.consentUrl().ifPresent(url -> askAdminToConsent(tenantId, url.toString()));
      }
      case APP_NOT_CONSENTED, DIRECTORY_UNREADABLE -> report.consentUrl()   // no backup at all
          .ifPresent(url -> askAdminToConsent(tenantId, url.toString()));
      case APP_DISABLED, NOT_A_B2C_TENANT -> flagForSupport(tenantId, report.outcome().name());
    }
    // end-snippet
  }

  static void consentCallback(
      GraphConsentUrls consent, PermissionVerifier verifier, String tenantId, String redirect) {
    // snippet:consent
    AdminConsentRequest request = consent.adminConsentUrl(tenantId);
    saveInSession(request.state());                // keep the state; send the admin to request.url()
    // ... later, when Entra redirects the admin back to your callback:
    ConsentCallback callback = ConsentCallback.parse(redirect, loadFromSession(), tenantId);
    if (callback.isGranted()) {
      VerificationReport report = verifier.awaitSatisfied(tenantId, Duration.ofMinutes(5));
    } else {
      showAdmin(callback.summary());              // e.g. AADSTS65004: the admin declined
    }
    // end-snippet
  }

  private static void runFullBackup(String tenantId) {}

  private static void runPartialBackup(String tenantId, Set<BackupCapability> areas) {}

  private static void askAdminToConsent(String tenantId, String url) {}

  private static void flagForSupport(String tenantId, String why) {}

  private static void saveInSession(String state) {}

  private static String loadFromSession() {
    return "state";
  }

  private static void showAdmin(String message) {}
}
