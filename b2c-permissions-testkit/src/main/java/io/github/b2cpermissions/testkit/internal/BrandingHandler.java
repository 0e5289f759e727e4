package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /organization/{id}/branding}: the company branding of the sign-in pages, kept as
 * localizations ({@code B2cData.Kind.COMPANY_BRANDING}) of which id {@code 0} is the default. A
 * tenant without a default answers Graph's documented 404. The branding itself follows the {@code
 * Accept-Language} header: {@code 0}, {@code default}, none or an unknown locale give the default,
 * a locale with a localization gives that one. Streams (logos, background image, CSS) are not
 * returned inline by Graph and are not served here.
 */
final class BrandingHandler {
  private static final String BRANDING = B2cSeed.BRANDING;
  static final String DEFAULT_ID = "0";

  void register(RouteTable routes) {
    routes.entity("GET_ORGANIZATION_BRANDING", this::branding);
    routes.collection("LIST_ORGANIZATION_BRANDING_LOCALIZATIONS", this::localizations);
    routes.entity("GET_ORGANIZATION_BRANDING_LOCALIZATION", this::localization);
  }

  private Reply branding(GraphRequest op) {
    String org = organization(op);
    B2cStore s = op.b2c();
    ObjectNode def = s.object(BRANDING, DEFAULT_ID);
    if (def == null) {
      throw noBranding();
    }
    String lang = op.ex.header("Accept-Language");
    ObjectNode chosen = def;
    if (lang != null && !lang.isBlank() && !lang.trim().equals(DEFAULT_ID) && !lang.trim().equalsIgnoreCase("default")) {
      ObjectNode localized = s.object(BRANDING, lang.trim());
      if (localized != null) {
        chosen = localized;
      }
    }
    return ODataReplies.entity(op, "organization('" + org + "')/branding", chosen, "microsoft.graph.organizationalBranding");
  }

  private Reply localizations(GraphRequest op) {
    String org = organization(op);
    B2cStore s = op.b2c();
    if (s.object(BRANDING, DEFAULT_ID) == null) {
      throw noBranding();
    }
    List<ObjectNode> all = new ArrayList<>();
    for (int i = 0; i < s.objectPositions(BRANDING); i++) {
      ObjectNode o = s.objectAt(BRANDING, i);
      if (o != null) {
        all.add(o);
      }
    }
    return ODataReplies.collection(
        op, "organization('" + org + "')/branding/localizations", "organizationalBrandingLocalization", ODataSource.of(all), B2cObjects.FILTERABLE.get(BRANDING), null, null);
  }

  private Reply localization(GraphRequest op) {
    String org = organization(op);
    ObjectNode o = op.b2c().object(BRANDING, op.var("localeId"));
    if (o == null) {
      throw GraphErrorException.notFound(op.var("localeId"));
    }
    return ODataReplies.entity(op, "organization('" + org + "')/branding/localizations", o, "microsoft.graph.organizationalBrandingLocalization");
  }

  /** The organization id of the path, when it is the tenant's. */
  private static String organization(GraphRequest op) {
    String id = op.var("id");
    if (!id.equalsIgnoreCase(op.tenant.seed.tenantId.toString())) {
      throw GraphErrorException.notFound(id);
    }
    return op.tenant.seed.tenantId.toString();
  }

  /** Graph's answer when the tenant has no default branding (the organizationalBranding-get page). */
  private static GraphErrorException noBranding() {
    return new GraphErrorException(404, "Request_ResourceNotFound", "Resource 'branding' does not exist or one of its queried reference-property objects are not present.");
  }
}
