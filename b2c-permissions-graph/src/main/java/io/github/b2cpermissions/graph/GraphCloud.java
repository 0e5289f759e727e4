package io.github.b2cpermissions.graph;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A Microsoft cloud: where tokens come from (the authority host, which also serves admin consent)
 * and where Microsoft Graph answers. Tokens from one cloud are not valid in another. Use a constant
 * for the public and national clouds, or {@link #custom(URI, URI)} for a private endpoint such as
 * the testkit's fake tenant.
 */
public final class GraphCloud {

  /** The global Azure cloud. Azure AD B2C runs here. */
  public static final GraphCloud GLOBAL =
      new GraphCloud("GLOBAL", "https://login.microsoftonline.com", "https://graph.microsoft.com");

  /** US Government L4 (GCC High). B2C availability there is not confirmed by Microsoft. */
  public static final GraphCloud US_GOV_L4 =
      new GraphCloud("US_GOV_L4", "https://login.microsoftonline.us", "https://graph.microsoft.us");

  /** US Government L5 (DoD). B2C availability there is not confirmed by Microsoft. */
  public static final GraphCloud US_GOV_L5 =
      new GraphCloud("US_GOV_L5", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us");

  /** Azure operated by 21Vianet in China. Azure AD B2C runs here too. */
  public static final GraphCloud CHINA =
      new GraphCloud(
          "CHINA", "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn");

  private final String name;
  private final URI authorityHost;
  private final URI graphHost;

  private GraphCloud(String name, String authorityHost, String graphHost) {
    this(name, URI.create(authorityHost), URI.create(graphHost));
  }

  private GraphCloud(String name, URI authorityHost, URI graphHost) {
    this.name = name;
    this.authorityHost = authorityHost;
    this.graphHost = graphHost;
  }

  /**
   * A cloud at explicit addresses, for sovereign or private endpoints and for tests.
   *
   * @param authorityHost the token and consent host, such as {@code https://127.0.0.1:8443}; https
   *     only, no path, query or fragment
   * @param graphHost the Graph host, such as {@code https://127.0.0.1:8443}; https only, no path,
   *     query or fragment (requests go to {@code /v1.0} below it)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an address is not an absolute https URI with a host and
   *     nothing after the port
   */
  public static GraphCloud custom(URI authorityHost, URI graphHost) {
    return new GraphCloud(
        "CUSTOM", checkHost(authorityHost, "authorityHost"), checkHost(graphHost, "graphHost"));
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

  /** The cloud's name: {@code GLOBAL}, {@code US_GOV_L4}, {@code US_GOV_L5}, {@code CHINA} or {@code CUSTOM}. */
  public String name() {
    return name;
  }

  /** The token and admin consent host, without a trailing slash. */
  public URI authorityHost() {
    return authorityHost;
  }

  /** The Microsoft Graph host, without a trailing slash. */
  public URI graphHost() {
    return graphHost;
  }

  /** The Graph v1.0 endpoint, {@code graphHost + "/v1.0"}. */
  public URI graphEndpoint() {
    return URI.create(graphHost + "/v1.0");
  }

  /** The scope an app-only token for Graph is requested with: {@code graphHost + "/.default"}. */
  public String graphDefaultScope() {
    return graphHost + "/.default";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GraphCloud
        && ((GraphCloud) o).name.equals(name)
        && ((GraphCloud) o).authorityHost.equals(authorityHost)
        && ((GraphCloud) o).graphHost.equals(graphHost);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, authorityHost, graphHost);
  }

  @Override
  public String toString() {
    return "GraphCloud{" + name + ", authorityHost=" + authorityHost + ", graphHost=" + graphHost + "}";
  }
}
