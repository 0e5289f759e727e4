package io.github.b2cpermissions.testkit.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeThrottleLimits;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeGraphTenantBuilder;
import io.github.b2cpermissions.testkit.internal.TenantModel;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON seed format of the standalone fake (documented in the module README): either one
 * tenant object, or {@code {"server": {...}, "tenants": [...]}}. Unknown keys are errors, so that a
 * typo does not silently seed a different tenant.
 */
final class Seeds {
  /** The one JSON mapper of the seed format and the standalone runner. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  private static final Pattern GUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private static final Set<String> ROOT_KEYS = Set.of("server", "tenants");
  private static final Set<String> SERVER_KEYS =
      Set.of("port", "pageSize", "strict", "tokenLifetimeSeconds", "journalLimit");
  private static final Set<String> TENANT_KEYS =
      Set.of(
          "domain",
          "tenantId",
          "tenantType",
          "displayName",
          "backupApp",
          "servicePrincipal",
          "granted",
          "without",
          "grantedRoles",
          "otherResourceRoles",
          "deletedAssignments",
          "pageSize",
          "grantPropagationDelaySeconds",
          "b2cData",
          "externalIdData");
  private static final Set<String> APP_KEYS =
      Set.of("clientId", "clientSecret", "displayName", "redirectUris", "requiredPermissions", "certificatePem");
  private static final Set<String> OTHER_KEYS = Set.of("resourceAppId", "resourceDisplayName", "appRoleId");

  private Seeds() {}

  /** Server settings a command line may override; null fields keep the seed's value. */
  static final class Overrides {
    @Nullable Integer port;
    @Nullable Integer pageSize;
    @Nullable Boolean strict;
    @Nullable FakeThrottleLimits throttle;
  }

  /**
   * Builds a stopped fake from seed JSON.
   *
   * @throws IllegalArgumentException naming the JSON path of the first problem
   */
  static FakeGraph load(String json, Overrides overrides) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the seed is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("the seed must be a JSON object");
    }
    boolean multi = root.has("tenants") || root.has("server");
    if (multi) {
      checkKeys(root, ROOT_KEYS, "$");
    }
    FakeGraph.Builder server = FakeGraph.builder();
    JsonNode s = root.path("server");
    if (!s.isMissingNode()) {
      checkKeys(s, SERVER_KEYS, "$.server");
      if (s.has("port")) {
        server.port(intAt(s, "port", "$.server"));
      }
      if (s.has("pageSize")) {
        server.pageSize(intAt(s, "pageSize", "$.server"));
      }
      if (s.has("strict")) {
        server.strict(boolAt(s, "strict", "$.server"));
      }
      if (s.has("tokenLifetimeSeconds")) {
        server.tokenLifetime(Duration.ofSeconds(intAt(s, "tokenLifetimeSeconds", "$.server")));
      }
      if (s.has("journalLimit")) {
        server.journalLimit(intAt(s, "journalLimit", "$.server"));
      }
    }
    if (overrides.port != null) {
      server.port(overrides.port);
    }
    if (overrides.pageSize != null) {
      server.pageSize(overrides.pageSize);
    }
    if (overrides.strict != null) {
      server.strict(overrides.strict);
    }
    if (overrides.throttle != null) {
      server.throttleLimits(overrides.throttle);
    }
    List<FakeGraphTenantBuilder> tenants = new ArrayList<>();
    if (multi) {
      JsonNode list = root.path("tenants");
      if (!list.isArray()) {
        throw new IllegalArgumentException("$.tenants must be an array of tenant objects");
      }
      for (int i = 0; i < list.size(); i++) {
        tenants.add(tenant(list.get(i), "$.tenants[" + i + "]"));
      }
    } else {
      tenants.add(tenant(root, "$"));
    }
    FakeGraph graph = server.build();
    for (int i = 0; i < tenants.size(); i++) {
      try {
        graph.addTenant(tenants.get(i));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new IllegalArgumentException((multi ? "$.tenants[" + i + "]" : "$") + ": " + e.getMessage(), e);
      }
    }
    return graph;
  }

  private static FakeGraphTenantBuilder tenant(JsonNode t, String path) {
    if (!t.isObject()) {
      throw new IllegalArgumentException(path + " must be a tenant object");
    }
    checkKeys(t, TENANT_KEYS, path);
    FakeGraphTenantBuilder b = FakeGraphTenant.builder();
    try {
      if (t.has("domain")) {
        b.b2c(textAt(t, "domain", path));
      }
      if (t.has("tenantType")) {
        b.tenantType(textAt(t, "tenantType", path));
      }
      if (t.has("tenantId")) {
        b.tenantId(textAt(t, "tenantId", path));
      }
      if (t.has("displayName")) {
        b.displayName(textAt(t, "displayName", path));
      }
      JsonNode app = t.path("backupApp");
      if (!app.isMissingNode()) {
        app(b, app, path + ".backupApp");
      }
      if (t.has("servicePrincipal")) {
        String p = textAt(t, "servicePrincipal", path).toUpperCase(Locale.ROOT);
        try {
          b.servicePrincipal(AppPresence.valueOf(p));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(path + ".servicePrincipal must be ENABLED, DISABLED or NOT_FOUND, was " + p, e);
        }
      }
      JsonNode granted = t.path("granted");
      if (granted.isTextual() && granted.asText().equalsIgnoreCase("all")) {
        b.grantedAll();
      } else if (!granted.isMissingNode()) {
        b.granted(permissions(granted, path + ".granted"));
      }
      if (t.has("without")) {
        b.without(permissions(t.get("without"), path + ".without"));
      }
      if (t.has("grantedRoles")) {
        b.grantedRoles(strings(t.get("grantedRoles"), path + ".grantedRoles").toArray(new String[0]));
      }
      JsonNode others = t.path("otherResourceRoles");
      if (!others.isMissingNode()) {
        if (!others.isArray()) {
          throw new IllegalArgumentException(path + ".otherResourceRoles must be an array");
        }
        for (int i = 0; i < others.size(); i++) {
          JsonNode o = others.get(i);
          String p = path + ".otherResourceRoles[" + i + "]";
          checkKeys(o, OTHER_KEYS, p);
          b.otherResourceRole(
              o.has("resourceAppId") ? textAt(o, "resourceAppId", p) : TenantModel.EXCHANGE_APP_ID,
              o.has("resourceDisplayName") ? textAt(o, "resourceDisplayName", p) : "Office 365 Exchange Online",
              uuid(textAt(o, "appRoleId", p), p + ".appRoleId"));
        }
      }
      if (t.has("deletedAssignments")) {
        b.deletedAssignment(permissions(t.get("deletedAssignments"), path + ".deletedAssignments"));
      }
      if (t.has("pageSize")) {
        b.pageSize(intAt(t, "pageSize", path));
      }
      if (t.has("grantPropagationDelaySeconds")) {
        b.grantPropagationDelay(Duration.ofSeconds(intAt(t, "grantPropagationDelaySeconds", path)));
      }
      if (t.has("b2cData")) {
        b.b2cData(B2cSeedJson.read(t.get("b2cData"), path + ".b2cData", t.has("domain") ? textAt(t, "domain", path) : null));
      }
      if (t.has("externalIdData")) {
        b.externalIdData(ExternalIdSeedJson.read(t.get("externalIdData"), path + ".externalIdData"));
      }
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("$")) {
        throw e;
      }
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
    return b;
  }

  private static void app(FakeGraphTenantBuilder b, JsonNode app, String path) {
    checkKeys(app, APP_KEYS, path);
    List<URI> uris = new ArrayList<>();
    if (app.has("redirectUris")) {
      for (String u : strings(app.get("redirectUris"), path + ".redirectUris")) {
        try {
          uris.add(new URI(u));
        } catch (URISyntaxException e) {
          throw new IllegalArgumentException(path + ".redirectUris: not a URI: " + u, e);
        }
      }
    }
    if (app.has("clientId")) {
      b.backupApp(textAt(app, "clientId", path), uris.isEmpty() ? FakeGraphTenant.DEFAULT_REDIRECT_URI : uris.get(0));
    }
    if (!uris.isEmpty()) {
      b.redirectUris(uris.toArray(new URI[0]));
    }
    if (app.has("clientSecret")) {
      b.clientSecret(textAt(app, "clientSecret", path));
    }
    if (app.has("displayName")) {
      b.backupAppDisplayName(textAt(app, "displayName", path));
    }
    if (app.has("certificatePem")) {
      String pem = textAt(app, "certificatePem", path);
      try {
        b.backupAppCertificate(
            (X509Certificate)
                CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
      } catch (CertificateException e) {
        throw new IllegalArgumentException(path + ".certificatePem is not a PEM certificate: " + e.getMessage(), e);
      }
    }
    JsonNode req = app.path("requiredPermissions");
    if (req.isTextual() && req.asText().equalsIgnoreCase("all")) {
      b.requiredPermissions(B2cBackupPermission.values());
    } else if (!req.isMissingNode()) {
      b.requiredPermissions(permissions(req, path + ".requiredPermissions"));
    }
  }

  private static B2cBackupPermission[] permissions(JsonNode node, String path) {
    List<B2cBackupPermission> out = new ArrayList<>();
    for (String s : strings(node, path)) {
      out.add(
          B2cBackupPermission.fromScope(s)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          path + ": '" + s + "' is not one of the 14 permissions (values are case-sensitive; use grantedRoles for other Graph roles)")));
    }
    return out.toArray(new B2cBackupPermission[0]);
  }

  /** The strings of a JSON array, or an error naming {@code path}. */
  static List<String> strings(JsonNode node, String path) {
    if (!node.isArray()) {
      throw new IllegalArgumentException(path + " must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : node) {
      if (!n.isTextual()) {
        throw new IllegalArgumentException(path + " must contain only strings");
      }
      out.add(n.asText());
    }
    return out;
  }

  /** Fails, naming {@code path}, unless {@code node} is an object with only {@code allowed} keys. */
  static void checkKeys(JsonNode node, Set<String> allowed, String path) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(path + ": unknown key '" + k + "' (allowed: " + new TreeSet<>(allowed) + ")");
      }
    }
  }

  private static String textAt(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(path + "." + key + " must be a string");
    }
    return v.asText();
  }

  private static int intAt(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (v == null || !v.isInt()) {
      throw new IllegalArgumentException(path + "." + key + " must be an integer");
    }
    return v.asInt();
  }

  private static boolean boolAt(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (v == null || !v.isBoolean()) {
      throw new IllegalArgumentException(path + "." + key + " must be true or false");
    }
    return v.asBoolean();
  }

  private static UUID uuid(String s, String path) {
    if (!GUID.matcher(s).matches()) {
      throw new IllegalArgumentException(path + " must be a GUID, was '" + s + "'");
    }
    return UUID.fromString(s);
  }
}
