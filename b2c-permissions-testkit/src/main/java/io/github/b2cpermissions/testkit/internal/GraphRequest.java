package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * One authenticated Graph operation as a handler sees it: the exchange, the matched route and its
 * path variables, the caller, the caller's tenant and the ids Graph echoes in its replies.
 */
final class GraphRequest {
  final Exchange ex;
  final RouteMatcher.Match match;
  final Route route;
  final Caller caller;
  final TenantModel tenant;
  final String requestId;
  final String clientRequestId;
  final GraphServer server;

  GraphRequest(Exchange ex, RouteMatcher.Match match, Route route, Caller caller, TenantModel tenant, String requestId, GraphServer server) {
    this.ex = ex;
    this.match = match;
    this.route = route;
    this.caller = caller;
    this.tenant = tenant;
    this.requestId = requestId;
    this.server = server;
    String crid = ex.header("client-request-id");
    this.clientRequestId = crid == null || crid.isBlank() ? requestId : crid;
  }

  /** A path variable of the route, such as {@code id}. */
  String var(String name) {
    return match.var(name);
  }

  /** A query parameter (system query options in lower case), or null. */
  @Nullable
  String query(String name) {
    return ex.query.get(name);
  }

  /**
   * The JSON object body of a write.
   *
   * @throws GraphErrorException when the body is not a JSON object
   */
  ObjectNode body() {
    JsonNode body = Json.parse(ex.body);
    if (body == null || !body.isObject()) {
      throw GraphErrorException.missingBody();
    }
    return (ObjectNode) body;
  }

  /** The tenant's B2C directory. */
  B2cStore b2c() {
    return tenant.b2c();
  }

  /** The tenant's External ID configuration. */
  ExternalIdStore externalId() {
    return tenant.externalId();
  }

  boolean strict() {
    return server.config().strict;
  }

  /** {@code https://127.0.0.1:PORT/v1.0}, or {@code …/beta} for a beta route. */
  String graphEndpoint() {
    return server.host() + "/" + route.apiVersion();
  }
}
