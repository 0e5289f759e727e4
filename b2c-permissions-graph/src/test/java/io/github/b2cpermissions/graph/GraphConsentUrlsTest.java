package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.AadstsError;
import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.ConsentCallback;
import io.github.b2cpermissions.ConsentStateMismatchException;
import io.github.b2cpermissions.ConsentTenantMismatchException;
import io.github.b2cpermissions.ConsentUrlBuilder;
import java.net.URI;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphConsentUrlsTest {

  private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String REDIRECT = "https://backup.example.com/consent/callback";
  private static final String ENCODED_REDIRECT =
      "https%3A%2F%2Fbackup.example.com%2Fconsent%2Fcallback";
  private static final String STATE = "caller-state_1.2~x";

  private static GraphConsentUrls.Builder base() {
    return GraphConsentUrls.builder().clientId(CLIENT_ID).redirectUri(URI.create(REDIRECT));
  }

  private static GraphConsentUrls v2(GraphCloud cloud) {
    return base().cloud(cloud).build();
  }

  private static GraphConsentUrls v1(GraphCloud cloud) {
    return base().cloud(cloud).endpointVersion(ConsentEndpointVersion.V1).build();
  }

  // --- every cloud, v1 and v2 ------------------------------------------------------------------

  static Stream<Arguments> clouds() {
    return Stream.of(
        Arguments.of(
            GraphCloud.GLOBAL,
            "https://login.microsoftonline.com",
            "https%3A%2F%2Fgraph.microsoft.com%2F.default"),
        Arguments.of(
            GraphCloud.US_GOV_L4,
            "https://login.microsoftonline.us",
            "https%3A%2F%2Fgraph.microsoft.us%2F.default"),
        Arguments.of(
            GraphCloud.US_GOV_L5,
            "https://login.microsoftonline.us",
            "https%3A%2F%2Fdod-graph.microsoft.us%2F.default"),
        Arguments.of(
            GraphCloud.CHINA,
            "https://login.chinacloudapi.cn",
            "https%3A%2F%2Fmicrosoftgraph.chinacloudapi.cn%2F.default"),
        Arguments.of(
            GraphCloud.custom(
                URI.create("https://127.0.0.1:8443"), URI.create("https://127.0.0.1:9443")),
            "https://127.0.0.1:8443",
            "https%3A%2F%2F127.0.0.1%3A9443%2F.default"));
  }

  @ParameterizedTest
  @MethodSource("clouds")
  void v2UrlUsesTheCloudsAuthorityAndGraphDefaultScope(
      GraphCloud cloud, String authority, String encodedScope) {
    AdminConsentRequest request = v2(cloud).adminConsentUrl(TENANT, STATE);

    assertThat(request.url())
        .hasToString(
            authority
                + "/"
                + TENANT
                + "/v2.0/adminconsent?client_id="
                + CLIENT_ID
                + "&scope="
                + encodedScope
                + "&redirect_uri="
                + ENCODED_REDIRECT
                + "&state="
                + STATE);
    assertThat(request.state()).isEqualTo(STATE);
  }

  @ParameterizedTest
  @MethodSource("clouds")
  void v1UrlUsesTheCloudsAuthorityAndCarriesNoScope(
      GraphCloud cloud, String authority, String encodedScope) {
    AdminConsentRequest request = v1(cloud).adminConsentUrl(TENANT, STATE);

    assertThat(request.url())
        .hasToString(
            authority
                + "/"
                + TENANT
                + "/adminconsent?client_id="
                + CLIENT_ID
                + "&redirect_uri="
                + ENCODED_REDIRECT
                + "&state="
                + STATE);
    assertThat(request.url().toString()).doesNotContain("scope=").doesNotContain(encodedScope);
  }

  @Test
  void defaultsAreTheGlobalCloudAndTheV2Endpoint() {
    GraphConsentUrls builder = base().build();

    assertThat(builder.cloud()).isEqualTo(GraphCloud.GLOBAL);
    assertThat(builder.endpointVersion()).isEqualTo(ConsentEndpointVersion.V2);
    assertThat(builder.adminConsentUrl(TENANT).url().getPath()).endsWith("/v2.0/adminconsent");
  }

  @Test
  void privateEndpointCloudAsksConsentForGraphsAudienceNotThePrivateHost() {
    GraphCloud privateEndpoint =
        GraphCloud.from(GraphCloud.GLOBAL).graphHost(URI.create("https://graph.contoso.internal")).build();

    String url = v2(privateEndpoint).adminConsentUrl(TENANT, STATE).url().toString();

    assertThat(url)
        .startsWith("https://login.microsoftonline.com/" + TENANT + "/v2.0/adminconsent?")
        .contains("&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&")
        .doesNotContain("contoso.internal");
  }

  @Test
  void cloudWithoutAnAuthorityHostIsRefusedWhereItIsSet() {
    GraphCloud graphOnly = GraphCloud.custom(URI.create("https://graph.contoso.internal"));

    assertThatThrownBy(() -> base().cloud(graphOnly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("authority host");
  }

  @Test
  void fromCopiesEverySettingAndLeavesTheOriginalAlone() {
    GraphCloud cloud = GraphCloud.custom(URI.create("https://127.0.0.1:8443"), URI.create("https://127.0.0.1:9443"));
    GraphConsentUrls original = base().cloud(cloud).endpointVersion(ConsentEndpointVersion.V1).build();

    GraphConsentUrls copy = GraphConsentUrls.from(original).build();
    GraphConsentUrls v2 = GraphConsentUrls.from(original).endpointVersion(ConsentEndpointVersion.V2).build();

    assertThat(copy.clientId()).isEqualTo(CLIENT_ID);
    assertThat(copy.redirectUri()).isEqualTo(URI.create(REDIRECT));
    assertThat(copy.cloud()).isEqualTo(cloud);
    assertThat(copy.endpointVersion()).isEqualTo(ConsentEndpointVersion.V1);
    assertThat(copy.adminConsentUrl(TENANT, STATE)).isEqualTo(original.adminConsentUrl(TENANT, STATE));
    assertThat(v2.endpointVersion()).isEqualTo(ConsentEndpointVersion.V2);
    assertThat(original.endpointVersion()).isEqualTo(ConsentEndpointVersion.V1);
    assertThatThrownBy(() -> GraphConsentUrls.from(null)).isInstanceOf(NullPointerException.class);
  }

  // --- tenants ------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "contoso.onmicrosoft.com",
        "contoso.b2clogin.com",
        "backup.contoso-corp.co.uk",
        "xn--mnchen-3ya.de",
        "a.io"
      })
  void verifiedAndCustomDomainsAreAccepted(String domain) {
    assertThat(v2(GraphCloud.GLOBAL).adminConsentUrl(domain, STATE).url().getRawPath())
        .isEqualTo("/" + domain + "/v2.0/adminconsent");
  }

  @Test
  void tenantIsCanonicalizedToLowerCase() {
    assertThat(
            v2(GraphCloud.GLOBAL)
                .adminConsentUrl("72F988BF-86F1-41AF-91AB-2D7CD011DB47", STATE)
                .url()
                .getRawPath())
        .isEqualTo("/" + TENANT + "/v2.0/adminconsent");
    assertThat(
            v2(GraphCloud.GLOBAL).adminConsentUrl("Contoso.OnMicrosoft.com", STATE).url().getRawPath())
        .isEqualTo("/contoso.onmicrosoft.com/v2.0/adminconsent");
  }

  @Test
  void organizationsIsAcceptedByV2Only() {
    assertThat(v2(GraphCloud.GLOBAL).adminConsentUrl("Organizations", STATE).url().getRawPath())
        .isEqualTo("/organizations/v2.0/adminconsent");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> v1(GraphCloud.GLOBAL).adminConsentUrl("organizations", STATE))
        .withMessageContaining("V2 admin consent endpoint only")
        .withMessageContaining("'common'");
  }

  @Test
  void commonIsAcceptedByV1Only() {
    assertThat(v1(GraphCloud.GLOBAL).adminConsentUrl("common", STATE).url().getRawPath())
        .isEqualTo("/common/adminconsent");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> v2(GraphCloud.GLOBAL).adminConsentUrl("COMMON"))
        .withMessageContaining("not accepted by the V2")
        .withMessageContaining("'organizations'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"consumers", "Consumers"})
  void consumersIsRejectedByBothVersions(String tenant) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> v2(GraphCloud.GLOBAL).adminConsentUrl(tenant))
        .withMessageContaining("personal Microsoft accounts");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> v1(GraphCloud.GLOBAL).adminConsentUrl(tenant))
        .withMessageContaining("personal Microsoft accounts");
  }

  static Stream<String> hostileTenants() {
    return Stream.of(
        "",
        " ",
        "contoso",
        "contoso.onmicrosoft.com\r\nX-Injected: 1",
        "contoso.onmicrosoft.com\n",
        "../contoso.onmicrosoft.com",
        "contoso.onmicrosoft.com/../../evil",
        "contoso.onmicrosoft.com/",
        "evil.com@contoso.onmicrosoft.com",
        "contoso.onmicrosoft.com#",
        "contoso.onmicrosoft.com%00",
        "contoso.onmicrosoft.com\u0000",
        "contoso.onmicrosoft.com?x=1",
        "contoso.onmicrosoft.com&state=forged",
        "c\u043entoso.onmicrosoft.com", // Cyrillic o
        "cont\u043eso.onmicrosoft.com",
        "\u0430dmin.onmicrosoft.com", // Cyrillic a
        "contoso\uff0eonmicrosoft\uff0ecom", // full-width dots
        "contoso\u3002onmicrosoft\u3002com", // ideographic full stop
        "\u212aontoso.onmicrosoft.com", // Kelvin sign, lower-cases to ASCII k
        "72f988bf-86f1-41af-91ab-2d7cd011db4\uff17", // full-width digit
        "72f988bf-86f1-41af-91ab-2d7cd011db47/",
        "{72f988bf-86f1-41af-91ab-2d7cd011db47}",
        "contoso.onmicrosoft.com:443",
        "contoso..onmicrosoft.com",
        "-contoso.onmicrosoft.com",
        "contoso.onmicrosoft.com.",
        "contoso.onmicrosoft.123",
        "contoso\\onmicrosoft.com",
        "%2e%2e",
        "..",
        "x".repeat(10_000) + ".com",
        "a.".repeat(5_000) + "com");
  }

  @ParameterizedTest
  @MethodSource("hostileTenants")
  void hostileTenantsAreRejectedWithAnEscapedShortMessage(String tenant) {
    for (GraphConsentUrls builder : new GraphConsentUrls[] {v1(GraphCloud.GLOBAL), v2(GraphCloud.GLOBAL)}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> builder.adminConsentUrl(tenant))
          .withMessageStartingWith("tenant must be a GUID or a domain name")
          .satisfies(
              e ->
                  assertThat(e.getMessage())
                      .hasSizeLessThan(250)
                      .doesNotContain("\r")
                      .doesNotContain("\n")
                      .doesNotContain("\u0000")
                      .matches("\\p{ASCII}*"));
      assertThatIllegalArgumentException().isThrownBy(() -> builder.adminConsentUrl(tenant, STATE));
    }
  }

  @Test
  void nullTenantIsRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> v2(GraphCloud.GLOBAL).adminConsentUrl(null))
        .withMessage("tenant");
    assertThatNullPointerException()
        .isThrownBy(() -> v2(GraphCloud.GLOBAL).adminConsentUrl(null, STATE))
        .withMessage("tenant");
  }

  // --- state ---------------------------------------------------------------------------------

  @Test
  void generatedStateIs256BitsOfBase64Url() {
    GraphConsentUrls builder = v2(GraphCloud.GLOBAL);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      AdminConsentRequest request = builder.adminConsentUrl(TENANT);
      String state = request.state();
      assertThat(state).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(Base64.getUrlDecoder().decode(state)).hasSize(32);
      assertThat(request.url().getRawQuery()).endsWith("&state=" + state);
      assertThat(seen.add(state)).as("states repeat").isTrue();
    }
  }

  @Test
  void callerStateIsCarriedVerbatim() {
    String state = "AZaz09-._~" + "x".repeat(502);

    AdminConsentRequest request = v2(GraphCloud.GLOBAL).adminConsentUrl(TENANT, state);

    assertThat(state).hasSize(GraphConsentUrls.MAX_STATE_LENGTH);
    assertThat(request.state()).isEqualTo(state);
    assertThat(request.url().getRawQuery()).endsWith("&state=" + state);
  }

  static Stream<String> hostileStates() {
    return Stream.of(
        "",
        "a".repeat(GraphConsentUrls.MAX_STATE_LENGTH + 1),
        "a".repeat(10_240),
        "secret value",
        "secret\r\nvalue",
        "secret&tenant=evil",
        "secret#frag",
        "secret%00",
        "secret/../x",
        "secret@x",
        "secret?x",
        "secret+x",
        "secret=x",
        "secr\u0435t", // Cyrillic e
        "secret\uff0ex", // full-width dot
        "secret\u0000");
  }

  @ParameterizedTest
  @MethodSource("hostileStates")
  void hostileStatesAreRejectedWithoutShowingThem(String state) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> v2(GraphCloud.GLOBAL).adminConsentUrl(TENANT, state))
        .withMessageStartingWith("state ")
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain("secr").doesNotContain("aaaa");
            });
  }

  @Test
  void tenantIsCheckedBeforeStateAndNothingIsBuiltWhenEitherFails() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> v2(GraphCloud.GLOBAL).adminConsentUrl("bad tenant", "bad state"))
        .withMessageStartingWith("tenant ");
  }

  @Test
  void nullStateIsRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> v2(GraphCloud.GLOBAL).adminConsentUrl(TENANT, null))
        .withMessage("state");
  }

  // --- redirect URI --------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://backup.example.com",
        "https://backup.example.com/",
        "https://backup.example.com:8443/consent/callback",
        "HTTPS://backup.example.com/cb",
        "https://backup.example.com/cb?tenantHint=x&kind=admin",
        "https://10.1.2.3/cb",
        "http://127.0.0.1/cb",
        "http://127.0.0.1:53127/",
        "http://[::1]:8080/cb",
        "http://localhost:7071",
        "http://LOCALHOST/cb",
        "https://localhost/cb"
      })
  void acceptedRedirectUrisAreSentEncodedExactlyOnce(String redirect) {
    GraphConsentUrls builder = base().redirectUri(redirect).build();

    SimulatedConsentEndpoint.Request read =
        SimulatedConsentEndpoint.read(builder.adminConsentUrl(TENANT).url());

    assertThat(read.redirectUri()).isEqualTo(redirect);
    assertThat(builder.redirectUri()).hasToString(redirect);
  }

  @Test
  void percentEscapesInTheRedirectUriAreEncodedOnceMore() {
    GraphConsentUrls builder =
        base().redirectUri(URI.create("https://backup.example.com/my%20app/cb?x=a%26b")).build();

    assertThat(builder.adminConsentUrl(TENANT, STATE).url().getRawQuery())
        .contains(
            "&redirect_uri=https%3A%2F%2Fbackup.example.com%2Fmy%2520app%2Fcb%3Fx%3Da%2526b&");
  }

  static Stream<Arguments> hostileRedirectUris() {
    return Stream.of(
        Arguments.of("http://backup.example.com/cb", "must use https"),
        Arguments.of("http://127.0.0.2/cb", "must use https"),
        Arguments.of("http://localhost.evil.example/cb", "must use https"),
        Arguments.of("ftp://backup.example.com/cb", "must use https"),
        Arguments.of("javascript:alert(1)", "absolute"),
        Arguments.of("mailto:admin@example.com", "absolute"),
        Arguments.of("/consent/callback", "absolute"),
        Arguments.of("//evil.example/cb", "absolute"),
        Arguments.of("https://backup.example.com/cb#frag", "fragment"),
        Arguments.of("https://backup.example.com/cb#", "fragment"),
        Arguments.of("https://user@backup.example.com/cb", "user info"),
        Arguments.of("https://backup.example.com@evil.example/cb", "user info"),
        Arguments.of("http://127.0.0.1@evil.example/cb", "user info"),
        Arguments.of("https://backup.example.com/a/../admin", ". or .."),
        Arguments.of("https://backup.example.com/a/./b", ". or .."),
        Arguments.of("https://backup.example.com/a/%2e%2e/admin", ". or .."),
        Arguments.of("https://backup.example.com/a/..%2fadmin", "encode / or \\"),
        Arguments.of("https://backup.example.com/a%5cb", "encode / or \\"),
        Arguments.of("https://backup.example.com/cb%00", "control or non-ASCII"),
        Arguments.of("https://backup.example.com/cb%0d%0aX:1", "control or non-ASCII"),
        Arguments.of("https://backup.example.com/c%D0%B0llback", "control or non-ASCII"),
        Arguments.of("https://backup.example.com/cb?x=%0a", "control or non-ASCII"),
        Arguments.of("https://backup.example.com/cb?state=fixed", "'state'"),
        Arguments.of("https://backup.example.com/cb?Tenant=x", "'tenant'"),
        Arguments.of("https://backup.example.com/cb?admin%5Fconsent=True", "'admin_consent'"),
        Arguments.of("https://backup.example.com/cb?error=x", "'error'"),
        Arguments.of("https://backup.example.com/cb?redirect_uri=x", "'redirect_uri'"),
        Arguments.of("https://backup.example.com/cb?", "empty query"),
        Arguments.of("https://*.example.com/cb", "! $ ' ( ) , ; *"),
        Arguments.of("https://backup.example.com/cb;jsessionid=1", "! $ ' ( ) , ; *"),
        Arguments.of("https://backup.example.com/c(b)", "! $ ' ( ) , ; *"),
        Arguments.of("https://backup_example.com/cb", "must name a host"),
        Arguments.of("https:///cb", "must name a host"),
        Arguments.of("https://[::1%00]/cb", "zone id or an encoded character"),
        Arguments.of("https://[::1%0d]/cb", "zone id or an encoded character"),
        Arguments.of("https://b\u0430ckup.example.com/cb", "printable ASCII"),
        Arguments.of("https://backup\uff0eexample\uff0ecom/cb", "printable ASCII"),
        Arguments.of("https://backup.example.com/c\u0430llback", "printable ASCII"),
        Arguments.of("https://backup.example.com/" + "a".repeat(240), "at most 256"),
        Arguments.of("https://backup.example.com/" + "a".repeat(10_240), "at most 256"));
  }

  @ParameterizedTest
  @MethodSource("hostileRedirectUris")
  void hostileRedirectUrisAreRejectedClearly(String redirect, String reason) {
    GraphConsentUrls.Builder builder = GraphConsentUrls.builder();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.redirectUri(redirect))
        .withMessageStartingWith("redirectUri ")
        .withMessageContaining(reason)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .hasSizeLessThan(300)
                    .matches("\\p{Print}*")
                    .matches("\\p{ASCII}*"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://backup.example.com/cb\r\nX: y",
        "https://backup.example.com/c b",
        "https://backup.example.com/cb\u0000",
        "https://backup.example.com/c\\b",
        "https://backup.example.com/c%zzb",
        "https://backup.example.com/cb?x=%zz",
        "https://exa mple.com/",
        "https://backup.example.com/c<script>"
      })
  void redirectUriTextThatIsNotAUriIsRejectedWithAnEscapedMessage(String redirect) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GraphConsentUrls.builder().redirectUri(redirect))
        .withMessageStartingWith("redirectUri is not a valid URI")
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0000"));
  }

  @Test
  void nonAsciiRedirectBuiltWithTheMultiArgumentConstructorIsRejected() throws Exception {
    URI unicode = new URI("https", "backup.example.com", "/c\u0430llback", null);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> GraphConsentUrls.builder().redirectUri(unicode))
        .withMessageContaining("printable ASCII")
        .withMessageContaining("\\u0430");
  }

  // --- builder ---------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not-a-guid",
        "11111111-2222-3333-4444-55555555555",
        "11111111-2222-3333-4444-5555555555555",
        "{11111111-2222-3333-4444-555555555555}",
        "11111111-2222-3333-4444-55555555555\uff15",
        "11111111-2222-3333-4444-555555555555\r\n"
      })
  void clientIdMustBeAGuid(String clientId) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GraphConsentUrls.builder().clientId(clientId))
        .withMessageStartingWith("clientId must be a GUID")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n"));
  }

  @Test
  void clientIdIsLowerCased() {
    assertThat(base().clientId(CLIENT_ID.toUpperCase()).build().clientId()).isEqualTo(CLIENT_ID);
  }

  @Test
  void missingRequiredSettingsFailTheBuild() {
    assertThatIllegalStateException()
        .isThrownBy(
            () -> GraphConsentUrls.builder().redirectUri(URI.create(REDIRECT)).build())
        .withMessageContaining("clientId is required");
    assertThatIllegalStateException()
        .isThrownBy(() -> GraphConsentUrls.builder().clientId(CLIENT_ID).build())
        .withMessageContaining("redirectUri is required");
  }

  @Test
  void nullSettingsAreRejected() {
    GraphConsentUrls.Builder builder = GraphConsentUrls.builder();

    assertThatNullPointerException().isThrownBy(() -> builder.clientId(null)).withMessage("clientId");
    assertThatNullPointerException()
        .isThrownBy(() -> builder.redirectUri((URI) null))
        .withMessage("redirectUri");
    assertThatNullPointerException()
        .isThrownBy(() -> builder.redirectUri((String) null))
        .withMessage("redirectUri");
    assertThatNullPointerException().isThrownBy(() -> builder.cloud(null)).withMessage("cloud");
    assertThatNullPointerException()
        .isThrownBy(() -> builder.endpointVersion(null))
        .withMessage("endpointVersion");
  }

  @Test
  void aRejectedSettingLeavesTheBuilderAsItWas() {
    GraphConsentUrls.Builder builder = base();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.redirectUri("http://evil.example/cb"));

    assertThat(builder.build().redirectUri()).hasToString(REDIRECT);
  }

  @Test
  void toStringShowsTheFullConfiguration() {
    GraphConsentUrls builder = base().cloud(GraphCloud.CHINA).build();

    assertThat(builder.toString())
        .contains(CLIENT_ID)
        .contains(REDIRECT)
        .contains("CHINA")
        .contains("login.chinacloudapi.cn")
        .contains("V2");
    assertThat(base().toString()).contains(CLIENT_ID).contains(REDIRECT).contains("GLOBAL");
  }

  @Test
  void consentRequestToStringNeverShowsTheState() {
    AdminConsentRequest request = v2(GraphCloud.GLOBAL).adminConsentUrl(TENANT);

    assertThat(request.toString())
        .doesNotContain(request.state())
        .contains("state=***")
        .contains(CLIENT_ID)
        .contains(ENCODED_REDIRECT);
    assertThat(request.redactedUrl()).doesNotContain(request.state());
  }

  // --- callback through the interface ---------------------------------------------------------------

  @Test
  void grantedRoundTripThroughTheSimulatedEndpoint() {
    ConsentUrlBuilder consent = v2(GraphCloud.GLOBAL);
    AdminConsentRequest request = consent.adminConsentUrl("contoso.onmicrosoft.com");

    SimulatedConsentEndpoint.Request read = SimulatedConsentEndpoint.read(request.url());
    String redirect = SimulatedConsentEndpoint.granted(read, TENANT);
    ConsentCallback callback = consent.parseCallback(redirect, request.state(), TENANT);

    assertThat(read.clientId()).isEqualTo(CLIENT_ID);
    assertThat(read.scope()).isEqualTo("https://graph.microsoft.com/.default");
    assertThat(read.tenantSegment()).isEqualTo("contoso.onmicrosoft.com");
    assertThat(callback.isGranted()).isTrue();
    assertThat(callback.reportedTenantId()).contains(TENANT);
    assertThat(callback.scope()).contains("https://graph.microsoft.com/.default");
  }

  @Test
  void v1RoundTripWithCommonReportsTheTenantWithoutScope() {
    ConsentUrlBuilder consent = v1(GraphCloud.CHINA);
    AdminConsentRequest request = consent.adminConsentUrl("common");

    SimulatedConsentEndpoint.Request read = SimulatedConsentEndpoint.read(request.url());
    ConsentCallback callback =
        consent.parseCallback(SimulatedConsentEndpoint.granted(read, TENANT), request.state());

    assertThat(read.authority()).hasToString("https://login.chinacloudapi.cn");
    assertThat(read.version()).isEqualTo(ConsentEndpointVersion.V1);
    assertThat(read.scope()).isNull();
    assertThat(callback.isGranted()).isTrue();
    assertThat(callback.scope()).isEmpty();
  }

  @Test
  void errorRoundTripMapsTheAadstsCode() {
    ConsentUrlBuilder consent = v2(GraphCloud.US_GOV_L5);
    AdminConsentRequest request = consent.adminConsentUrl(TENANT);

    String redirect =
        SimulatedConsentEndpoint.failed(
            SimulatedConsentEndpoint.read(request.url()),
            "invalid_request",
            "AADSTS50011: The redirect URI specified in the request does not match.");
    ConsentCallback callback = consent.parseCallback(redirect, request.state(), TENANT);

    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.ERROR);
    assertThat(callback.aadstsError()).contains(AadstsError.REDIRECT_URI_MISMATCH);
  }

  @Test
  void redirectForAnotherRequestIsRejected() {
    ConsentUrlBuilder consent = v2(GraphCloud.GLOBAL);
    AdminConsentRequest mine = consent.adminConsentUrl(TENANT);
    AdminConsentRequest theirs = consent.adminConsentUrl(TENANT);

    String redirect =
        SimulatedConsentEndpoint.granted(SimulatedConsentEndpoint.read(theirs.url()), TENANT);

    assertThatThrownBy(() -> consent.parseCallback(redirect, mine.state()))
        .isInstanceOf(ConsentStateMismatchException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain(mine.state())
                    .doesNotContain(theirs.state()));
  }

  @Test
  void grantInAnotherTenantIsReported() {
    ConsentUrlBuilder consent = v2(GraphCloud.GLOBAL);
    AdminConsentRequest request = consent.adminConsentUrl("organizations");
    String other = "0b5e3f2a-1c4d-4e6f-8a9b-0c1d2e3f4a5b";

    String redirect =
        SimulatedConsentEndpoint.granted(SimulatedConsentEndpoint.read(request.url()), other);

    assertThatThrownBy(() -> consent.parseCallback(redirect, request.state(), TENANT))
        .isInstanceOfSatisfying(
            ConsentTenantMismatchException.class,
            e -> {
              assertThat(e.reportedTenantId()).contains(other);
              assertThat(e.getMessage()).doesNotContain(request.state());
            });
  }
}
