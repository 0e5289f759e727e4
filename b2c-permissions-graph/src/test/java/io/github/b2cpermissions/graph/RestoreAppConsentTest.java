package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.AdminConsentRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Consent links for a second, restore-only app registration next to a backup-only one. */
class RestoreAppConsentTest {
  private static final String BACKUP_APP = "11111111-2222-3333-4444-555555555555";
  private static final String RESTORE_APP = "AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE";
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  private static GraphConsentUrls backup() {
    return GraphConsentUrls.builder().clientId(BACKUP_APP)
        .redirectUri(URI.create("https://backup.example.com/consent/callback"))
        .endpointVersion(ConsentEndpointVersion.V1).build();
  }

  @Test
  void theRestoreAppsLinkNamesOnlyTheRestoreAppAndKeepsTheRest() {
    GraphConsentUrls backup = backup();
    GraphConsentUrls restore = backup.forApp(RESTORE_APP);

    AdminConsentRequest request = restore.adminConsentUrl(TENANT, "restore-state");
    String url = request.url().toString();
    assertThat(url).contains("client_id=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
        .doesNotContain(BACKUP_APP)
        .startsWith("https://login.microsoftonline.com/" + TENANT + "/adminconsent?")
        .contains("redirect_uri=https%3A%2F%2Fbackup.example.com%2Fconsent%2Fcallback")
        .contains("state=restore-state");
    assertThat(restore.clientId()).isEqualTo("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    assertThat(restore.redirectUri()).isEqualTo(backup.redirectUri());
    assertThat(restore.cloud()).isEqualTo(backup.cloud());
    assertThat(restore.endpointVersion()).isEqualTo(ConsentEndpointVersion.V1);
    assertThat(backup.clientId()).isEqualTo(BACKUP_APP);
    assertThat(backup.adminConsentUrl(TENANT, "s").url().toString()).contains("client_id=" + BACKUP_APP);
  }

  @Test
  void theRestoreAppMustBeAnotherRegistrationNamedByAGuid() {
    assertThatThrownBy(() -> backup().forApp(BACKUP_APP.toUpperCase()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another app");
    assertThatThrownBy(() -> backup().forApp("restore-app"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> backup().forApp(null)).isInstanceOf(NullPointerException.class);
  }
}
