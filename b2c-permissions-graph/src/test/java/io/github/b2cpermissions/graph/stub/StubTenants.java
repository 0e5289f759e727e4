package io.github.b2cpermissions.graph.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Several scripted tenants behind one stub, as one Graph endpoint serves every tenant: each request
 * is answered by the tenant its bearer token's {@code tid} names (Graph answers for the token's
 * tenant, whatever the caller meant). A request with no usable token gets Graph's 401.
 */
public final class StubTenants implements Function<StubRequest, StubResponse> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<StubDirectory> tenants;

  private StubTenants(List<StubDirectory> tenants) {
    this.tenants = List.copyOf(tenants);
  }

  /** Starts one batch-aware stub serving {@code tenants}. */
  public static GraphStub start(StubDirectory... tenants) {
    StubTenants all = new StubTenants(List.of(tenants));
    GraphStub stub = GraphStub.start(BatchHandler.of(all));
    for (StubDirectory t : tenants) {
      t.baseUri(stub.baseUri());
    }
    return stub;
  }

  @Override
  public StubResponse apply(StubRequest request) {
    String tid = tokenTenant(request.header("authorization"));
    for (StubDirectory t : tenants) {
      if (t.tenantId.equalsIgnoreCase(tid)) {
        return t.apply(request);
      }
    }
    return StubResponse.graphError(401, "InvalidAuthenticationToken", "Access token validation failure.");
  }

  private static String tokenTenant(@Nullable String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return "";
    }
    String[] parts = authorization.substring(7).split("\\.");
    if (parts.length < 2) {
      return "";
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      return claims.path("tid").asText("");
    } catch (IOException | IllegalArgumentException e) {
      return "";
    }
  }
}
