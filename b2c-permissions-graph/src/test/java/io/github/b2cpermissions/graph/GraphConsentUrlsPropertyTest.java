package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.AadstsError;
import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.ConsentCallback;
import io.github.b2cpermissions.ConsentStateMismatchException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

/**
 * Properties of consent links and callbacks over generated tenants, redirect URIs, states, clouds
 * and endpoint versions: every valid combination survives build, a simulated consent endpoint and
 * parsing unchanged; hostile values are rejected and never leak into a URL or a message.
 */
class GraphConsentUrlsPropertyTest {

  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  private static final String GUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  /** Fragments that make any tenant, redirect URI or state unacceptable wherever they appear. */
  private static final List<String> ALWAYS_REJECTED =
      List.of(
          "\r\n", "\n", "\r", "\u0000", "%00", " ", "\t", "#", "\u0430", "\u043e", "\uff0e",
          "\u3002", "\u212a", "\u00e9", "\u200b", "\u202e", "\ud83d\ude00");

  /** Fragments that break a tenant, and a redirect URI unless it stays a harmless valid URI. */
  private static final List<String> STRUCTURAL =
      List.of("../", "..", "/", "@", "?", "&", "=", "\\", ":", "%2e%2e", "%2f", "*", ";");

  record Setup(
      String clientId,
      String redirectUri,
      GraphCloud cloud,
      ConsentEndpointVersion version,
      String tenant,
      @Nullable String state) {

    GraphConsentUrls builder() {
      return GraphConsentUrls.builder()
          .clientId(clientId)
          .redirectUri(redirectUri)
          .cloud(cloud)
          .endpointVersion(version)
          .build();
    }

    AdminConsentRequest request() {
      GraphConsentUrls builder = builder();
      return state == null ? builder.adminConsentUrl(tenant) : builder.adminConsentUrl(tenant, state);
    }
  }

  // --- generators ------------------------------------------------------------------------------

  static Arbitrary<String> guids() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.of(true, false))
        .as(
            (hi, lo, upper) -> {
              String id = new UUID(hi, lo).toString();
              return upper ? id.toUpperCase(Locale.ROOT) : id;
            });
  }

  static Arbitrary<String> labels() {
    Arbitrary<String> edge = Arbitraries.strings().withCharRange('a', 'z').numeric().ofLength(1);
    Arbitrary<String> middle =
        Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMaxLength(20);
    return Arbitraries.oneOf(
        edge,
        Combinators.combine(edge, middle, edge).as((a, b, c) -> a + b + c));
  }

  static Arbitrary<String> domains() {
    Arbitrary<String> tld =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(10),
            Arbitraries.of("com", "onmicrosoft.com", "co.uk", "xn--p1ai", "de"));
    return Combinators.combine(labels().list().ofMinSize(1).ofMaxSize(4), tld, Arbitraries.of(true, false))
        .as(
            (ls, t, upper) -> {
              String domain = String.join(".", ls) + "." + t;
              return upper ? domain.toUpperCase(Locale.ROOT) : domain;
            })
        .filter(d -> d.length() <= 253);
  }

  static Arbitrary<String> tenants(ConsentEndpointVersion version) {
    String keyword = version == ConsentEndpointVersion.V2 ? "organizations" : "common";
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, guids()),
        net.jqwik.api.Tuple.of(4, domains()),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(keyword, keyword.toUpperCase(Locale.ROOT))));
  }

  static Arbitrary<String> segments() {
    return Arbitraries.strings()
        .withChars(UNRESERVED)
        .ofMinLength(1)
        .ofMaxLength(16)
        .filter(s -> !s.equals(".") && !s.equals(".."));
  }

  static Arbitrary<String> redirectUris() {
    Arbitrary<String> path = segments().list().ofMaxSize(4).map(s -> s.isEmpty() ? "" : "/" + String.join("/", s));
    Arbitrary<String> trailingSlash = Arbitraries.of("", "/");
    Arbitrary<String> port =
        Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(1, 65535).map(p -> ":" + p));
    Arbitrary<String> query =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Combinators.combine(
                    Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                    segments())
                .as((n, v) -> n + "=" + v)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(pairs -> "?" + String.join("&", pairs)));
    Arbitrary<String> https =
        Combinators.combine(domains(), port, path, trailingSlash, query)
            .as((h, p, pa, slash, q) -> "https://" + h + p + pa + slash + q);
    Arbitrary<String> loopback =
        Combinators.combine(
                Arbitraries.of("http", "https"),
                Arbitraries.of("127.0.0.1", "[::1]", "localhost"),
                port,
                path,
                query)
            .as((s, h, p, pa, q) -> s + "://" + h + p + pa + q);
    return Arbitraries.oneOf(https, loopback)
        .filter(u -> u.length() <= GraphConsentUrls.MAX_REDIRECT_URI_LENGTH)
        .filter(GraphConsentUrlsPropertyTest::hasNoReservedParameter);
  }

  private static boolean hasNoReservedParameter(String uri) {
    int q = uri.indexOf('?');
    if (q < 0) {
      return true;
    }
    for (String pair : uri.substring(q + 1).split("&")) {
      String name = pair.substring(0, pair.indexOf('='));
      if (List.of("state", "tenant", "scope", "error", "admin_consent", "error_description",
              "client_id", "redirect_uri")
          .contains(name)) {
        return false;
      }
    }
    return true;
  }

  static Arbitrary<String> states() {
    return Arbitraries.strings().withChars(UNRESERVED).ofMinLength(1).ofMaxLength(512);
  }

  /** States long and varied enough that finding one inside a message would be a leak, not chance. */
  static Arbitrary<String> distinctiveStates() {
    return Arbitraries.strings().withChars(UNRESERVED).ofMinLength(16).ofMaxLength(512);
  }

  static Arbitrary<GraphCloud> clouds() {
    Arbitrary<GraphCloud> custom =
        Combinators.combine(
                Arbitraries.integers().between(1, 65535), Arbitraries.integers().between(1, 65535))
            .as(
                (a, g) ->
                    GraphCloud.custom(
                        URI.create("https://127.0.0.1:" + a), URI.create("https://127.0.0.1:" + g)));
    return Arbitraries.oneOf(
        Arbitraries.of(GraphCloud.GLOBAL, GraphCloud.US_GOV_L4, GraphCloud.US_GOV_L5, GraphCloud.CHINA),
        custom);
  }

  @Provide
  Arbitrary<Setup> setups() {
    return Arbitraries.of(ConsentEndpointVersion.class)
        .flatMap(
            version ->
                Combinators.combine(
                        guids(),
                        redirectUris(),
                        clouds(),
                        tenants(version),
                        states().injectNull(0.3))
                    .as((c, r, cl, t, s) -> new Setup(c, r, cl, version, t, s)));
  }

  @Provide
  Arbitrary<String> hostileFragments() {
    return Arbitraries.of(ALWAYS_REJECTED);
  }

  @Provide
  Arbitrary<String> anyHostileFragment() {
    return Arbitraries.oneOf(Arbitraries.of(ALWAYS_REJECTED), Arbitraries.of(STRUCTURAL));
  }

  @Provide
  Arbitrary<String> validDomains() {
    return domains();
  }

  @Provide
  Arbitrary<String> validGuids() {
    return guids();
  }

  @Provide
  Arbitrary<String> validRedirectUris() {
    return redirectUris();
  }

  @Provide
  Arbitrary<String> validStates() {
    return states();
  }

  @Provide
  Arbitrary<String> distinctStates() {
    return distinctiveStates();
  }

  /** Tenant candidates: arbitrary text, valid ids and domains, and valid ones made hostile. */
  @Provide
  Arbitrary<String> tenantCandidates() {
    Arbitrary<String> spoiled =
        Combinators.combine(
                Arbitraries.oneOf(domains(), guids()),
                anyHostileFragment(),
                Arbitraries.integers().between(0, 260))
            .as(
                (valid, fragment, at) -> {
                  int position = Math.min(at, valid.length());
                  return valid.substring(0, position) + fragment + valid.substring(position);
                });
    return Arbitraries.oneOf(
        anyStrings(), domains(), guids(), spoiled, Arbitraries.of("organizations", "common"));
  }

  @Provide
  Arbitrary<String> anyStrings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.strings().ascii().ofMaxLength(300),
        Arbitraries.strings().withChars("abc.-/@?#&=%:\\ \r\n0123456789").ofMaxLength(80));
  }

  /** Any text Entra ID could send: every code point, but no lone surrogate (not encodable). */
  @Provide
  Arbitrary<String> descriptionTails() {
    return anyStrings()
        .filter(s -> s.codePoints().noneMatch(cp -> cp >= 0xd800 && cp <= 0xdfff));
  }

  @Provide
  Arbitrary<Character> unsafeStateChars() {
    return Arbitraries.chars().all().filter(c -> UNRESERVED.indexOf(c) < 0);
  }

  // --- round trips -------------------------------------------------------------------------------

  @Property(tries = 500)
  void anyValidSetupSurvivesBuildConsentAndParse(
      @ForAll("setups") Setup setup, @ForAll("validGuids") String grantingTenant) {
    AdminConsentRequest request = setup.request();

    SimulatedConsentEndpoint.Request read = SimulatedConsentEndpoint.read(request.url());

    assertThat(read.authority()).isEqualTo(setup.cloud().authorityHost().orElseThrow());
    assertThat(read.version()).isEqualTo(setup.version());
    assertThat(read.tenantSegment()).isEqualTo(setup.tenant().toLowerCase(Locale.ROOT));
    assertThat(read.clientId()).isEqualTo(setup.clientId().toLowerCase(Locale.ROOT));
    assertThat(read.redirectUri()).isEqualTo(setup.redirectUri());
    assertThat(read.state()).isEqualTo(request.state());
    if (setup.state() != null) {
      assertThat(request.state()).isEqualTo(setup.state());
    } else {
      assertThat(request.state()).hasSize(43).matches("[A-Za-z0-9_-]+");
    }
    if (setup.version() == ConsentEndpointVersion.V2) {
      assertThat(read.scope()).isEqualTo(setup.cloud().graphDefaultScope());
    } else {
      assertThat(read.scope()).isNull();
    }

    String redirect = SimulatedConsentEndpoint.granted(read, grantingTenant);
    ConsentCallback callback =
        setup.builder().parseCallback(redirect, request.state(), grantingTenant);

    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.GRANTED);
    assertThat(callback.reportedTenantId()).contains(grantingTenant.toLowerCase(Locale.ROOT));
    assertThat(callback.scope())
        .isEqualTo(
            java.util.Optional.ofNullable(
                setup.version() == ConsentEndpointVersion.V2
                    ? setup.cloud().graphDefaultScope()
                    : null));
  }

  @Property(tries = 300)
  void anyErrorSurvivesTheRoundTripAndWinsOverAdminConsent(
      @ForAll("setups") Setup setup, @ForAll AadstsError error, @ForAll("descriptionTails") String tail) {
    AdminConsentRequest request = setup.request();
    String description = "AADSTS" + error.code() + ": " + tail;

    String redirect =
        SimulatedConsentEndpoint.failed(
            SimulatedConsentEndpoint.read(request.url()), "access_denied", description);
    ConsentCallback callback = setup.builder().parseCallback(redirect, request.state());

    assertThat(callback.isGranted()).isFalse();
    assertThat(callback.status())
        .isEqualTo(
            error == AadstsError.CONSENT_DECLINED
                ? ConsentCallback.Status.DECLINED
                : ConsentCallback.Status.ERROR);
    assertThat(callback.aadstsError()).contains(error);
    assertThat(callback.errorDescription()).contains(description);
    String shown = callback.toString() + callback.summary();
    if (request.state().length() >= 16) { // a one-letter state could appear by chance
      assertThat(shown).doesNotContain(request.state());
    }
    assertThat(shown)
        .doesNotContain("\r")
        .doesNotContain("\n")
        .matches("\\p{ASCII}*");
  }

  @Property(tries = 300)
  void stateSurvivesAnyMixOfPercentEncoding(
      @ForAll("validStates") String state,
      @ForAll("validGuids") String tenant,
      @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder encoded = new StringBuilder();
    for (byte b : state.getBytes(StandardCharsets.US_ASCII)) {
      if (random.nextBoolean()) {
        encoded.append(String.format(Locale.ROOT, random.nextBoolean() ? "%%%02X" : "%%%02x", b));
      } else {
        encoded.append((char) b);
      }
    }

    ConsentCallback callback =
        ConsentCallback.parse(
            "admin_consent=True&tenant=" + tenant + "&state=" + encoded, state, tenant);

    assertThat(callback.isGranted()).isTrue();
  }

  // --- the state ----------------------------------------------------------------------------------

  @Property(tries = 300)
  void aRedirectWithAnyOtherStateIsRejectedWithoutShowingEither(
      @ForAll("distinctStates") String mine,
      @ForAll("distinctStates") String theirs,
      @ForAll("validGuids") String tenant) {
    net.jqwik.api.Assume.that(!mine.equals(theirs));

    assertThatThrownBy(
            () ->
                ConsentCallback.parse(
                    "https://backup.example.com/cb?admin_consent=True&tenant="
                        + tenant
                        + "&state="
                        + theirs,
                    mine,
                    tenant))
        .isInstanceOf(ConsentStateMismatchException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage() + e)
                    .doesNotContain(mine)
                    .doesNotContain(theirs));
  }

  @Property(tries = 200)
  void noToStringOrSummaryEverShowsTheState(
      @ForAll("setups") Setup setup, @ForAll("distinctStates") String state) {
    GraphConsentUrls builder = setup.builder();
    AdminConsentRequest request = builder.adminConsentUrl(setup.tenant(), state);
    String redirect =
        SimulatedConsentEndpoint.granted(
            SimulatedConsentEndpoint.read(request.url()), "72f988bf-86f1-41af-91ab-2d7cd011db47");
    ConsentCallback callback = builder.parseCallback(redirect, state);

    assertThat(request.url().toString()).contains("state=" + state);
    assertThat(request.toString()).doesNotContain(state);
    assertThat(request.redactedUrl()).doesNotContain(state);
    assertThat(builder.toString()).doesNotContain(state);
    assertThat(callback.toString()).doesNotContain(state);
    assertThat(callback.summary()).doesNotContain(state);
  }

  @Property(tries = 300)
  void aStateWithAnyUnsafeCharacterIsRejectedWithoutShowingIt(
      @ForAll("distinctStates") String state,
      @ForAll("unsafeStateChars") char unsafe,
      @ForAll @IntRange(min = 0, max = 512) int at) {
    String hostile = state.substring(0, Math.min(at, state.length())) + unsafe
        + state.substring(Math.min(at, state.length()));
    GraphConsentUrls builder =
        GraphConsentUrls.builder()
            .clientId("11111111-2222-3333-4444-555555555555")
            .redirectUri("https://backup.example.com/cb")
            .build();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.adminConsentUrl("contoso.onmicrosoft.com", hostile))
        .withMessageStartingWith("state ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(state).doesNotContain(hostile));
  }

  // --- hostile tenants -------------------------------------------------------------------------------

  @Property(tries = 500)
  void anyStringIsEitherRejectedOrConfinedToTheTenantSegment(
      @ForAll("tenantCandidates") String tenant, @ForAll ConsentEndpointVersion version) {
    GraphConsentUrls builder =
        GraphConsentUrls.builder()
            .clientId("11111111-2222-3333-4444-555555555555")
            .redirectUri("https://backup.example.com/cb")
            .endpointVersion(version)
            .build();
    AdminConsentRequest request;
    try {
      request = builder.adminConsentUrl(tenant, "fixed-state");
    } catch (IllegalArgumentException e) {
      assertSafeMessage(e.getMessage());
      Statistics.collect("rejected");
      expectSomeAccepted();
      return;
    }
    Statistics.collect("accepted");
    expectSomeAccepted();

    String segment = tenant.toLowerCase(Locale.ROOT);
    assertThat(segment)
        .matches(GUID_PATTERN + "|[a-z0-9.-]+|organizations|common")
        .doesNotContain("..");
    SimulatedConsentEndpoint.Request read = SimulatedConsentEndpoint.read(request.url());
    assertThat(request.url().getHost()).isEqualTo("login.microsoftonline.com");
    assertThat(read.tenantSegment()).isEqualTo(segment);
    assertThat(read.state()).isEqualTo("fixed-state");
  }

  @Property(tries = 500)
  void aTenantWithAHostileFragmentAnywhereIsRejected(
      @ForAll("validDomains") String domain,
      @ForAll("validGuids") String guid,
      @ForAll boolean useGuid,
      @ForAll("anyHostileFragment") String fragment,
      @ForAll @IntRange(min = 0, max = 260) int at) {
    String valid = useGuid ? guid : domain;
    int position = Math.min(at, valid.length());
    String hostile = valid.substring(0, position) + fragment + valid.substring(position);
    net.jqwik.api.Assume.that(!isStillADomain(hostile));
    GraphConsentUrls builder =
        GraphConsentUrls.builder()
            .clientId("11111111-2222-3333-4444-555555555555")
            .redirectUri("https://backup.example.com/cb")
            .build();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.adminConsentUrl(hostile))
        .satisfies(e -> assertSafeMessage(e.getMessage()));
  }

  /** A property that passes because every input is rejected proves nothing: demand acceptances. */
  private static void expectSomeAccepted() {
    Statistics.coverage(
        checker -> {
          checker.check("accepted").percentage(p -> p >= 20);
          checker.check("rejected").percentage(p -> p >= 20);
        });
  }

  /**
   * "a." + "." is never valid, but "-" or "." can land where a domain stays valid: skip those. An
   * oracle of its own (RFC 1123 labels, an alphabetic or punycode top label, at most 253
   * characters), not the validator under test.
   */
  private static boolean isStillADomain(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.length() <= 253
        && lower.matches(
            "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})");
  }

  @Test
  void theDomainOracleAgreesWithHandPickedCases() {
    assertThat(isStillADomain("contoso.onmicrosoft.com")).isTrue();
    assertThat(isStillADomain("Contoso.OnMicrosoft.COM")).isTrue();
    assertThat(isStillADomain("xn--bcher-kva.example")).isTrue();
    assertThat(isStillADomain("a.b.c.de")).isTrue();
    assertThat(isStillADomain("contoso")).isFalse();
    assertThat(isStillADomain("contoso..com")).isFalse();
    assertThat(isStillADomain("-contoso.com")).isFalse();
    assertThat(isStillADomain("contoso-.com")).isFalse();
    assertThat(isStillADomain("contoso.c0m")).isFalse();
    assertThat(isStillADomain("contoso.com.")).isFalse();
    assertThat(isStillADomain("a".repeat(64) + ".com")).isFalse();
    assertThat(isStillADomain(("a".repeat(60) + ".").repeat(5) + "com")).isFalse();
  }

  @Property(tries = 50)
  void tenKilobyteValuesAreRejectedWithAShortMessage(
      @ForAll("validDomains") String domain, @ForAll @IntRange(min = 10_000, max = 12_000) int size) {
    String huge = "a".repeat(size - domain.length()) + domain;
    GraphConsentUrls.Builder builder =
        GraphConsentUrls.builder()
            .clientId("11111111-2222-3333-4444-555555555555")
            .redirectUri("https://backup.example.com/cb");
    GraphConsentUrls built = builder.build();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> built.adminConsentUrl(huge))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> built.adminConsentUrl(domain, huge.replace('.', '-')))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250).doesNotContain("aaaa"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.redirectUri("https://" + huge + "/cb"))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.clientId(huge))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250));
  }

  // --- hostile redirect URIs -----------------------------------------------------------------

  @Property(tries = 500)
  void aRedirectUriWithAnAlwaysRejectedFragmentAnywhereIsRejected(
      @ForAll("validRedirectUris") String redirect,
      @ForAll("hostileFragments") String fragment,
      @ForAll @IntRange(min = 0, max = 260) int at) {
    int position = Math.min(at, redirect.length());
    String hostile = redirect.substring(0, position) + fragment + redirect.substring(position);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> GraphConsentUrls.builder().redirectUri(hostile))
        .satisfies(e -> assertSafeMessage(e.getMessage()));
  }

  @Property(tries = 500)
  void aRedirectUriWithAStructuralFragmentIsRejectedOrSentExactlyAsGiven(
      @ForAll("validRedirectUris") String redirect,
      @ForAll("anyHostileFragment") String fragment,
      @ForAll @IntRange(min = 0, max = 260) int at) {
    int position = Math.min(at, redirect.length());
    String changed = redirect.substring(0, position) + fragment + redirect.substring(position);
    GraphConsentUrls builder;
    try {
      builder =
          GraphConsentUrls.builder()
              .clientId("11111111-2222-3333-4444-555555555555")
              .redirectUri(changed)
              .build();
    } catch (IllegalArgumentException e) {
      assertSafeMessage(e.getMessage());
      return;
    }

    URI accepted = URI.create(changed);
    assertThat(accepted.getRawUserInfo()).isNull();
    assertThat(accepted.getRawFragment()).isNull();
    assertThat(accepted.getScheme().toLowerCase(Locale.ROOT)).isIn("https", "http");
    AdminConsentRequest request = builder.adminConsentUrl("organizations");
    SimulatedConsentEndpoint.Request read = SimulatedConsentEndpoint.read(request.url());
    assertThat(read.redirectUri()).isEqualTo(changed);
    assertThat(request.url().getHost()).isEqualTo("login.microsoftonline.com");
    assertThat(read.state()).isEqualTo(request.state());
  }

  private static void assertSafeMessage(String message) {
    assertThat(message)
        .hasSizeLessThan(600)
        .doesNotContain("\r")
        .doesNotContain("\n")
        .doesNotContain("\u0000")
        .matches("\\p{Print}*");
  }
}
