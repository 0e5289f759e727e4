package io.github.b2cpermissions.graph;

import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.ConsentUrlBuilder;
import io.github.b2cpermissions.graph.internal.tenant.TenantIdentifiers;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Builds Entra ID admin consent links for the backup app in any Microsoft cloud, and reads the
 * redirects they lead back to (see {@link ConsentUrlBuilder}). Immutable and thread-safe; create one
 * with {@link #builder()}, or derive one from another with {@link #from(GraphConsentUrls)}:
 *
 * <pre>{@code
 * ConsentUrlBuilder consent = GraphConsentUrls.builder()
 *     .clientId("11111111-2222-3333-4444-555555555555")
 *     .redirectUri(URI.create("https://backup.example.com/consent/callback"))
 *     .cloud(GraphCloud.GLOBAL)              // the default
 *     .endpointVersion(ConsentEndpointVersion.V2) // the default
 *     .build();
 * AdminConsentRequest request = consent.adminConsentUrl("contoso.onmicrosoft.com");
 * }</pre>
 *
 * <p>Every input is checked before it reaches a URL: the tenant must be a GUID, an ASCII domain
 * name, or the special value the endpoint accepts ({@code organizations} for v2, {@code common} for
 * v1); the redirect URI must be an absolute https URI (http only on a loopback host) without user
 * info or fragment; a caller's state may hold only URL-safe characters. Rejected values appear in
 * messages quoted, shortened and with control and non-ASCII characters escaped; a state never
 * appears.
 */
public final class GraphConsentUrls implements ConsentUrlBuilder {

  /** Longest caller-supplied state, in characters. */
  public static final int MAX_STATE_LENGTH = 512;

  /** Longest redirect URI Entra ID lets an app register, in characters. */
  public static final int MAX_REDIRECT_URI_LENGTH = 256;

  /** Random bytes in a generated state: 256 bits, 43 base64url characters. */
  private static final int GENERATED_STATE_BYTES = 32;


  private final String clientId;
  private final URI redirectUri;
  private final String encodedRedirectUri;
  private final GraphCloud cloud;
  private final ConsentEndpointVersion endpointVersion;
  private final SecureRandom random = new SecureRandom();

  private GraphConsentUrls(Builder builder) {
    this.clientId = Objects.requireNonNull(builder.clientId);
    this.redirectUri = Objects.requireNonNull(builder.redirectUri);
    this.encodedRedirectUri = URLEncoder.encode(redirectUri.toString(), StandardCharsets.UTF_8);
    this.cloud = builder.cloud;
    this.endpointVersion = builder.endpointVersion;
  }

  /**
   * Starts a configuration from nothing; {@code clientId} and {@code redirectUri} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a configuration from the settings of {@code existing}, for example to derive the V1
   * links or another cloud's links of the same app. Changing the copy leaves {@code existing} as it
   * is.
   *
   * @param existing the configuration to copy
   * @return a new builder holding {@code existing}'s client id, redirect URI, cloud and endpoint
   *     version
   * @throws NullPointerException if {@code existing} is null
   */
  public static Builder from(GraphConsentUrls existing) {
    Objects.requireNonNull(existing, "existing");
    Builder b = new Builder();
    b.clientId = existing.clientId;
    b.redirectUri = existing.redirectUri;
    b.cloud = existing.cloud;
    b.endpointVersion = existing.endpointVersion;
    return b;
  }

  /**
   * The same consent links for a second app registration, such as the restore app a vendor keeps
   * apart from a backup-only app so that it elevates a tenant only when a restore runs: the same
   * redirect URI (which must be registered on that app too), cloud and endpoint version, with
   * {@code clientId} in place of this one's. The tenant consents to whatever that app's
   * registration requires, for example the roles a backup-only report lists in {@link
   * io.github.b2cpermissions.VerificationReport#restoreNeeds()}.
   *
   * @param clientId the other app's application (client) id, a GUID
   * @return a new, independent configuration
   * @throws NullPointerException if {@code clientId} is null
   * @throws IllegalArgumentException if {@code clientId} is not a GUID, or is this app's own id
   */
  public GraphConsentUrls forApp(String clientId) {
    Builder b = from(this).clientId(clientId);
    if (this.clientId.equals(b.clientId)) {
      throw new IllegalArgumentException(
          "forApp needs another app registration's client id; " + clientId + " is this app's");
    }
    return b.build();
  }

  /** The backup app's application (client) id, lower case. */
  public String clientId() {
    return clientId;
  }

  /** The redirect URI, exactly as configured. */
  public URI redirectUri() {
    return redirectUri;
  }

  /** The cloud whose authority host serves the consent page. */
  public GraphCloud cloud() {
    return cloud;
  }

  /** Which admin consent endpoint the links point at. */
  public ConsentEndpointVersion endpointVersion() {
    return endpointVersion;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The state is 256 bits from a {@link SecureRandom}, written as 43 base64url characters.
   *
   * @throws NullPointerException if {@code tenant} is null
   * @throws IllegalArgumentException if {@code tenant} is not a GUID, an ASCII domain name, {@code
   *     organizations} (V2) or {@code common} (V1)
   */
  @Override
  public AdminConsentRequest adminConsentUrl(String tenant) {
    String tenantSegment = consentTenant(tenant);
    return request(tenantSegment, generateState());
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code tenant} is not a GUID, an ASCII domain name, {@code
   *     organizations} (V2) or {@code common} (V1); or {@code state} is empty, longer than {@value
   *     #MAX_STATE_LENGTH} characters, or holds a character other than {@code A-Z a-z 0-9 - . _ ~}
   *     (the message never shows the state)
   */
  @Override
  public AdminConsentRequest adminConsentUrl(String tenant, String state) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(state, "state");
    String tenantSegment = consentTenant(tenant);
    checkState(state);
    return request(tenantSegment, state);
  }

  private AdminConsentRequest request(String tenantSegment, String state) {
    StringBuilder url =
        new StringBuilder(cloud.authorityHost().orElseThrow().toString())
            .append('/')
            .append(tenantSegment);
    if (endpointVersion == ConsentEndpointVersion.V2) {
      url.append("/v2.0/adminconsent?client_id=")
          .append(clientId)
          .append("&scope=")
          .append(URLEncoder.encode(cloud.graphDefaultScope(), StandardCharsets.UTF_8));
    } else {
      url.append("/adminconsent?client_id=").append(clientId);
    }
    url.append("&redirect_uri=").append(encodedRedirectUri).append("&state=").append(state);
    URI uri;
    try {
      uri = new URI(url.toString());
    } catch (URISyntaxException e) {
      // Unreachable with validated parts; the message must not carry the URL, which holds the state.
      throw new IllegalStateException("Built an invalid admin consent URL (" + e.getReason() + ")");
    }
    return new AdminConsentRequest(uri, state);
  }

  private String consentTenant(String tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Optional<ConsentTenantKeyword> keyword = TenantIdentifiers.isPrintableAscii(tenant)
        ? ConsentTenantKeyword.of(tenant)
        : Optional.empty();
    if (keyword.isPresent()) {
      return keyword.get().segmentFor(endpointVersion);
    }
    return TenantIdentifiers.requireTenant(tenant);
  }

  private static void checkState(String state) {
    if (state.isEmpty() || state.length() > MAX_STATE_LENGTH) {
      throw new IllegalArgumentException(
          "state must be 1 to "
              + MAX_STATE_LENGTH
              + " characters long, was "
              + state.length()
              + " characters");
    }
    for (int i = 0; i < state.length(); i++) {
      if (!isUnreserved(state.charAt(i))) {
        throw new IllegalArgumentException(
            "state may hold only the URL-safe characters A-Z a-z 0-9 - . _ ~, but the character at"
                + " index "
                + i
                + " is not one of them");
      }
    }
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private String generateState() {
    byte[] bytes = new byte[GENERATED_STATE_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "GraphConsentUrls{clientId="
        + clientId
        + ", redirectUri="
        + redirectUri
        + ", cloud="
        + cloud
        + ", endpointVersion="
        + endpointVersion
        + "}";
  }

  /**
   * Configures a {@link GraphConsentUrls}. Each setter checks its value at once; {@link
   * #build()} checks that the required ones were set. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable String clientId;
    private @Nullable URI redirectUri;
    private GraphCloud cloud = GraphCloud.GLOBAL;
    private ConsentEndpointVersion endpointVersion = ConsentEndpointVersion.V2;

    private Builder() {}

    /**
     * The backup app's application (client) id. Required.
     *
     * @param clientId a GUID
     * @return this builder
     * @throws NullPointerException if {@code clientId} is null
     * @throws IllegalArgumentException if it is not a GUID
     */
    public Builder clientId(String clientId) {
      this.clientId = TenantIdentifiers.requireGuid(clientId, "clientId");
      return this;
    }

    /**
     * Where Entra ID sends the administrator back; it must match a redirect URI registered on the
     * app exactly. Required. It is sent percent-encoded exactly once.
     *
     * @param redirectUri an absolute {@code https} URI, or {@code http} on a loopback host ({@code
     *     127.0.0.1}, {@code [::1]}, {@code localhost}); with a host, without user info or
     *     fragment, at most {@value GraphConsentUrls#MAX_REDIRECT_URI_LENGTH} printable ASCII
     *     characters, none of {@code ! $ ' ( ) , ; *}, no {@code .} or {@code ..} path segment, no
     *     encoded {@code /}, {@code \} or control character, and no query parameter the consent
     *     redirect uses ({@code state}, {@code tenant}, {@code admin_consent}, {@code scope},
     *     {@code error}, {@code error_description}, {@code client_id}, {@code redirect_uri})
     * @return this builder
     * @throws NullPointerException if {@code redirectUri} is null
     * @throws IllegalArgumentException if it breaks one of those rules
     */
    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = RedirectUriRules.check(Objects.requireNonNull(redirectUri, "redirectUri"));
      return this;
    }

    /**
     * The redirect URI as text; see {@link #redirectUri(URI)}.
     *
     * @param redirectUri the URI
     * @return this builder
     * @throws NullPointerException if {@code redirectUri} is null
     * @throws IllegalArgumentException if it is not a URI or breaks a rule of {@link
     *     #redirectUri(URI)}
     */
    public Builder redirectUri(String redirectUri) {
      Objects.requireNonNull(redirectUri, "redirectUri");
      RedirectUriRules.checkLength(redirectUri.length());
      URI parsed;
      try {
        parsed = new URI(redirectUri);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "redirectUri is not a valid URI ("
                + e.getReason()
                + " at index "
                + e.getIndex()
                + "): "
                + TenantIdentifiers.describe(redirectUri));
      }
      return redirectUri(parsed);
    }

    /**
     * The cloud whose authority host serves the consent page and whose Graph host the v2 {@code
     * scope} names. Defaults to {@link GraphCloud#GLOBAL}; use {@link GraphCloud#custom} for a
     * private or test endpoint.
     *
     * @param cloud the cloud; it must have an authority host
     * @return this builder
     * @throws NullPointerException if {@code cloud} is null
     * @throws IllegalArgumentException if the cloud has no authority host to serve the consent page
     */
    public Builder cloud(GraphCloud cloud) {
      Objects.requireNonNull(cloud, "cloud");
      if (cloud.authorityHost().isEmpty()) {
        throw new IllegalArgumentException(
            "admin consent links need a cloud with an authority host, which serves the consent"
                + " page; " + cloud + " has none");
      }
      this.cloud = cloud;
      return this;
    }

    /**
     * The admin consent endpoint. Defaults to {@link ConsentEndpointVersion#V2}.
     *
     * @param endpointVersion the version
     * @return this builder
     * @throws NullPointerException if {@code endpointVersion} is null
     */
    public Builder endpointVersion(ConsentEndpointVersion endpointVersion) {
      this.endpointVersion = Objects.requireNonNull(endpointVersion, "endpointVersion");
      return this;
    }

    /**
     * Builds the consent link configuration.
     *
     * @return an immutable, thread-safe {@link GraphConsentUrls}
     * @throws IllegalStateException if {@code clientId} or {@code redirectUri} was not set
     */
    public GraphConsentUrls build() {
      if (clientId == null) {
        throw new IllegalStateException("clientId is required: set the backup app's client id");
      }
      if (redirectUri == null) {
        throw new IllegalStateException(
            "redirectUri is required: set a redirect URI registered on the backup app");
      }
      return new GraphConsentUrls(this);
    }

    @Override
    public String toString() {
      return "GraphConsentUrls.Builder{clientId="
          + clientId
          + ", redirectUri="
          + redirectUri
          + ", cloud="
          + cloud
          + ", endpointVersion="
          + endpointVersion
          + "}";
    }
  }
}
