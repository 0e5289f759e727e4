package io.github.b2cpermissions.graph;

import io.github.b2cpermissions.B2cBackupPermission;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Microsoft cloud: where tokens come from (the authority host, which also serves admin consent),
 * where Microsoft Graph answers, and which audience Graph's tokens carry. Tokens from one cloud are
 * not valid in another. Immutable and thread-safe.
 *
 * <p>Use a constant for the public and national clouds. For anything else build a custom cloud:
 * {@link #custom(URI, URI)} for a private endpoint such as the testkit's fake tenant, {@link
 * #custom(URI)} for a Graph host alone when the application supplies its own {@code
 * TokenCredential}, or {@link #builder()} and {@link #from(GraphCloud)} to set the token audience
 * too. A Graph host behind a private endpoint still receives real Graph tokens, whose audience is
 * {@code https://graph.microsoft.com}:
 *
 * <pre>{@code
 * GraphCloud privateEndpoint = GraphCloud.from(GraphCloud.GLOBAL)
 *     .graphHost(URI.create("https://graph.contoso.internal"))   // keeps GLOBAL's authority and audience
 *     .build();
 * }</pre>
 */
public final class GraphCloud {

  /** The global Azure cloud. Azure AD B2C runs here. */
  public static final GraphCloud GLOBAL =
      national("GLOBAL", "https://login.microsoftonline.com", "https://graph.microsoft.com");

  /** US Government L4 (GCC High). B2C availability there is not confirmed by Microsoft. */
  public static final GraphCloud US_GOV_L4 =
      national("US_GOV_L4", "https://login.microsoftonline.us", "https://graph.microsoft.us");

  /** US Government L5 (DoD). B2C availability there is not confirmed by Microsoft. */
  public static final GraphCloud US_GOV_L5 =
      national("US_GOV_L5", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us");

  /** Azure operated by 21Vianet in China. Azure AD B2C runs here too. */
  public static final GraphCloud CHINA =
      national("CHINA", "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn");

  private static final String CUSTOM = "CUSTOM";

  private final String name;
  private final boolean custom;
  private final @Nullable URI authorityHost;
  private final URI graphHost;
  private final URI tokenAudience;

  private GraphCloud(
      String name, boolean custom, @Nullable URI authorityHost, URI graphHost, URI tokenAudience) {
    this.name = name;
    this.custom = custom;
    this.authorityHost = authorityHost;
    this.graphHost = graphHost;
    this.tokenAudience = tokenAudience;
  }

  private static GraphCloud national(String name, String authorityHost, String graphHost) {
    URI graph = URI.create(graphHost);
    return new GraphCloud(name, false, URI.create(authorityHost), graph, graph);
  }

  /**
   * A custom cloud at explicit addresses, for sovereign or private endpoints and for tests. Its
   * tokens are expected for {@code graphHost} itself; use {@link #builder()} for another audience.
   *
   * @param authorityHost the token and consent host, such as {@code https://127.0.0.1:8443}; https
   *     only, no path, query or fragment
   * @param graphHost the Graph host, such as {@code https://127.0.0.1:8443}; https only, no path,
   *     query or fragment (requests go to {@code /v1.0} below it)
   * @return the cloud
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an address is not an absolute https URI with a host and
   *     nothing after the port
   */
  public static GraphCloud custom(URI authorityHost, URI graphHost) {
    return builder().authorityHost(authorityHost).graphHost(graphHost).build();
  }

  /**
   * A custom cloud with a Graph host and no authority host, for a verifier given its own {@code
   * TokenCredential} ({@code credential(...)} or {@code credentials(...)}). Such a cloud cannot
   * build consent links, nor a credential from a client secret or certificate. Its tokens are
   * expected for {@code graphHost} itself.
   *
   * @param graphHost the Graph host; https only, no path, query or fragment
   * @return the cloud
   * @throws NullPointerException if {@code graphHost} is null
   * @throws IllegalArgumentException if it is not an absolute https URI with a host and nothing
   *     after the port
   */
  public static GraphCloud custom(URI graphHost) {
    return builder().graphHost(graphHost).build();
  }

  /**
   * Starts a custom cloud from nothing: a Graph host is required, the authority host is optional,
   * and the token audience defaults to the Graph host.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a custom cloud from the settings of {@code base}: its authority host, Graph host and
   * token audience. Changing only the Graph host keeps the audience, which is what a private
   * endpoint in front of {@code base}'s Graph needs.
   *
   * @param base the cloud to copy
   * @return a new builder holding {@code base}'s settings
   * @throws NullPointerException if {@code base} is null
   */
  public static Builder from(GraphCloud base) {
    Objects.requireNonNull(base, "base");
    Builder b = new Builder();
    b.authorityHost = base.authorityHost;
    b.graphHost = base.graphHost;
    b.tokenAudience = base.tokenAudience;
    return b;
  }

  private static URI checkHost(URI uri, String what) {
    Objects.requireNonNull(uri, what);
    if (!"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(what + " must use https, was: " + uri);
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(what + " must name a host and no user info: " + uri);
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          what + " must have no path, query or fragment (give the host only): " + uri);
    }
    String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
    return URI.create("https://" + uri.getHost().toLowerCase(Locale.ROOT) + port);
  }

  /**
   * The cloud's name: {@code GLOBAL}, {@code US_GOV_L4}, {@code US_GOV_L5}, {@code CHINA}, or
   * {@code CUSTOM} for every cloud built by {@link #custom(URI, URI)}, {@link #custom(URI)} or a
   * {@link Builder}. For display; use {@link #isCustom()} to decide.
   */
  public String name() {
    return name;
  }

  /**
   * Whether this cloud was built by the application rather than being one of the constants. The
   * verifier skips azure-identity's instance discovery for custom clouds, whose authority Microsoft
   * does not know.
   */
  public boolean isCustom() {
    return custom;
  }

  /**
   * The token and admin consent host, without a trailing slash; empty for a custom cloud built
   * without one (see {@link #custom(URI)}).
   */
  public Optional<URI> authorityHost() {
    return Optional.ofNullable(authorityHost);
  }

  /** The Microsoft Graph host, without a trailing slash. */
  public URI graphHost() {
    return graphHost;
  }

  /** The Graph v1.0 endpoint, {@code graphHost + "/v1.0"}. */
  public URI graphEndpoint() {
    return URI.create(graphHost + "/v1.0");
  }

  /**
   * The audience ({@code aud}) of the tokens Graph of this cloud accepts, without a trailing slash:
   * the Graph host for the constants and by default for custom clouds; {@code
   * https://graph.microsoft.com} for a private endpoint in front of global Graph.
   */
  public URI tokenAudience() {
    return tokenAudience;
  }

  /**
   * The scope an app-only token for Graph is requested with: {@code tokenAudience() + "/.default"}.
   */
  public String graphDefaultScope() {
    return tokenAudience + "/.default";
  }

  /**
   * Whether {@code audience}, the {@code aud} claim of an access token, names Graph of this cloud:
   * the {@link #tokenAudience()} (compared without case, with or without a trailing slash) or Graph's
   * application id {@code 00000003-0000-0000-c000-000000000000}.
   *
   * @param audience the claim's value
   * @return whether a token with that audience is meant for this cloud's Graph
   * @throws NullPointerException if {@code audience} is null
   */
  public boolean isTokenAudience(String audience) {
    Objects.requireNonNull(audience, "audience");
    String expected = tokenAudience.toString();
    return audience.equalsIgnoreCase(expected)
        || audience.equalsIgnoreCase(expected + "/")
        || audience.equalsIgnoreCase(B2cBackupPermission.MICROSOFT_GRAPH_APP_ID);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof GraphCloud)) {
      return false;
    }
    GraphCloud other = (GraphCloud) o;
    return other.name.equals(name)
        && other.custom == custom
        && Objects.equals(other.authorityHost, authorityHost)
        && other.graphHost.equals(graphHost)
        && other.tokenAudience.equals(tokenAudience);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, custom, authorityHost, graphHost, tokenAudience);
  }

  @Override
  public String toString() {
    return "GraphCloud{" + name
        + ", authorityHost=" + (authorityHost == null ? "(none)" : authorityHost)
        + ", graphHost=" + graphHost
        + ", tokenAudience=" + tokenAudience + "}";
  }

  /**
   * Builds a custom {@link GraphCloud}. Each setter checks its address at once; {@link #build()}
   * checks that a Graph host was given. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable URI authorityHost;
    private @Nullable URI graphHost;
    private @Nullable URI tokenAudience;

    private Builder() {}

    /**
     * Sets the token and admin consent host. Optional: without it the cloud serves only verifiers
     * given their own {@code TokenCredential}.
     *
     * @param authorityHost https, a host and an optional port, nothing after it
     * @return this builder
     * @throws NullPointerException if {@code authorityHost} is null
     * @throws IllegalArgumentException if it is not an absolute https URI with a host and nothing
     *     after the port
     */
    public Builder authorityHost(URI authorityHost) {
      this.authorityHost = checkHost(authorityHost, "authorityHost");
      return this;
    }

    /**
     * Sets the Graph host. Required.
     *
     * @param graphHost https, a host and an optional port, nothing after it (requests go to {@code
     *     /v1.0} below it)
     * @return this builder
     * @throws NullPointerException if {@code graphHost} is null
     * @throws IllegalArgumentException if it is not an absolute https URI with a host and nothing
     *     after the port
     */
    public Builder graphHost(URI graphHost) {
      this.graphHost = checkHost(graphHost, "graphHost");
      return this;
    }

    /**
     * Sets the audience Graph's tokens carry and the resource they are requested for. Defaults to
     * the Graph host (or, from {@link GraphCloud#from(GraphCloud)}, to the base cloud's audience).
     *
     * @param tokenAudience https, a host and an optional port, nothing after it, such as {@code
     *     https://graph.microsoft.com}
     * @return this builder
     * @throws NullPointerException if {@code tokenAudience} is null
     * @throws IllegalArgumentException if it is not an absolute https URI with a host and nothing
     *     after the port
     */
    public Builder tokenAudience(URI tokenAudience) {
      this.tokenAudience = checkHost(tokenAudience, "tokenAudience");
      return this;
    }

    /**
     * Builds the cloud; its {@link GraphCloud#name()} is {@code CUSTOM}.
     *
     * @return the cloud
     * @throws IllegalStateException if no Graph host was set
     */
    public GraphCloud build() {
      URI graph = graphHost;
      if (graph == null) {
        throw new IllegalStateException("graphHost is required: where Microsoft Graph answers");
      }
      return new GraphCloud(
          CUSTOM, true, authorityHost, graph, tokenAudience == null ? graph : tokenAudience);
    }

    @Override
    public String toString() {
      return "GraphCloud.Builder{authorityHost=" + authorityHost + ", graphHost=" + graphHost
          + ", tokenAudience=" + tokenAudience + "}";
    }
  }
}
