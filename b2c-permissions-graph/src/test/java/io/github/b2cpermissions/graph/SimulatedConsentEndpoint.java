package io.github.b2cpermissions.graph;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stands in for Entra ID's admin consent page in unit tests until the testkit's fake tenant serves
 * one: reads an admin consent URL the way the endpoint would (strictly: each parameter once,
 * decoded once) and writes the redirect it would send the browser to.
 */
final class SimulatedConsentEndpoint {

  /** What the endpoint read from a consent URL. */
  record Request(
      URI authority,
      String tenantSegment,
      ConsentEndpointVersion version,
      String clientId,
      @Nullable String scope,
      String redirectUri,
      String state) {}

  private SimulatedConsentEndpoint() {}

  /** Reads a consent URL; fails the test (IllegalStateException) on anything malformed. */
  static Request read(URI url) {
    String path = url.getRawPath();
    String[] segments = path.split("/", -1);
    ConsentEndpointVersion version;
    if (segments.length == 3 && segments[2].equals("adminconsent")) {
      version = ConsentEndpointVersion.V1;
    } else if (segments.length == 4
        && segments[2].equals("v2.0")
        && segments[3].equals("adminconsent")) {
      version = ConsentEndpointVersion.V2;
    } else {
      throw new IllegalStateException("not an admin consent path: " + path);
    }
    if (!segments[0].isEmpty()) {
      throw new IllegalStateException("path must start with /: " + path);
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : url.getRawQuery().split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalStateException("parameter without value: " + pair);
      }
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (query.put(name, value) != null) {
        throw new IllegalStateException("repeated parameter " + name);
      }
    }
    String expectedNames =
        version == ConsentEndpointVersion.V2
            ? "[client_id, scope, redirect_uri, state]"
            : "[client_id, redirect_uri, state]";
    if (!query.keySet().toString().equals(expectedNames)) {
      throw new IllegalStateException("unexpected parameters " + query.keySet());
    }
    URI authority =
        URI.create(url.getScheme() + "://" + url.getRawAuthority());
    return new Request(
        authority,
        segments[1],
        version,
        query.get("client_id"),
        query.get("scope"),
        query.get("redirect_uri"),
        query.get("state"));
  }

  /** The redirect after an administrator of {@code tenantId} accepted. */
  static String granted(Request request, String tenantId) {
    StringBuilder q = new StringBuilder("admin_consent=True&tenant=").append(tenantId);
    if (request.version() == ConsentEndpointVersion.V2) {
      q.append("&scope=").append(enc(request.scope()));
    }
    q.append("&state=").append(enc(request.state()));
    return redirect(request, q.toString());
  }

  /** The redirect after Entra ID reported an error, as the v2 endpoint does (admin_consent too). */
  static String failed(Request request, String error, String description) {
    String q =
        "admin_consent=True&error="
            + enc(error)
            + "&error_description="
            + enc(description)
            + "&state="
            + enc(request.state());
    return redirect(request, q);
  }

  private static String redirect(Request request, String query) {
    String base = request.redirectUri();
    return base + (base.contains("?") ? "&" : "?") + query;
  }

  private static String enc(@Nullable String value) {
    return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
  }
}
