package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a user flow of an External ID tenant links to: the applications whose sign-in runs it
 * ({@code conditions/applications/includeApplications}, by appId), the user flow attributes its
 * sign-up page collects ({@code …/onAttributeCollection/…/attributes}) and the identity providers
 * it offers ({@code …/onAuthenticationMethodLoadStart/…/identityProviders}). Attributes and
 * providers are the tenant's own objects ({@code identity/userFlowAttributes}, {@code
 * identity/identityProviders}), linked and unlinked by reference; provider secrets read back as
 * {@code *****}, as in {@code identity/identityProviders}.
 */
final class AuthenticationEventsFlowLinkHandler {
  private static final String FLOWS = ExternalIdSeed.FLOWS;
  private static final String APPLICATION_TYPE = "#microsoft.graph.authenticationConditionApplication";
  private static final Pattern ATTRIBUTE_REF =
      Pattern.compile("^.*/identity/userFlowAttributes(?:/([^/?'()]+)|\\('([^']+)'\\))/?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern PROVIDER_REF =
      Pattern.compile("^.*/identity/identityProviders(?:/([^/?'()]+)|\\('([^']+)'\\))/?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  void register(RouteTable routes) {
    routes.collection("LIST_AUTHENTICATION_EVENTS_FLOW_APPLICATIONS", this::applications);
    routes.write("ADD_AUTHENTICATION_EVENTS_FLOW_APPLICATION", this::addApplication);
    routes.write("REMOVE_AUTHENTICATION_EVENTS_FLOW_APPLICATION", op -> unlink(op, ExternalIdStore.Link.APPLICATIONS, op.var("appId")));
    routes.collection("LIST_AUTHENTICATION_EVENTS_FLOW_ATTRIBUTES", op -> linked(op, ExternalIdStore.Link.ATTRIBUTES, B2cSeed.USER_FLOW_ATTRIBUTES));
    routes.write("ADD_AUTHENTICATION_EVENTS_FLOW_ATTRIBUTE", op -> linkRef(op, ExternalIdStore.Link.ATTRIBUTES, B2cSeed.USER_FLOW_ATTRIBUTES, ATTRIBUTE_REF));
    routes.write("REMOVE_AUTHENTICATION_EVENTS_FLOW_ATTRIBUTE", op -> unlink(op, ExternalIdStore.Link.ATTRIBUTES, op.var("attributeId")));
    routes.collection("LIST_AUTHENTICATION_EVENTS_FLOW_IDENTITY_PROVIDERS", op -> linked(op, ExternalIdStore.Link.IDENTITY_PROVIDERS, B2cSeed.IDENTITY_PROVIDERS));
    routes.write("ADD_AUTHENTICATION_EVENTS_FLOW_IDENTITY_PROVIDER", op -> linkRef(op, ExternalIdStore.Link.IDENTITY_PROVIDERS, B2cSeed.IDENTITY_PROVIDERS, PROVIDER_REF));
    routes.write("REMOVE_AUTHENTICATION_EVENTS_FLOW_IDENTITY_PROVIDER", op -> unlink(op, ExternalIdStore.Link.IDENTITY_PROVIDERS, op.var("providerId")));
  }

  /** The flow's id as stored; 404 when the tenant has no such flow. */
  private static String flow(GraphRequest op) {
    return ExternalIdReads.require(op, FLOWS).path("id").asText();
  }

  private static String context(String flowId, String rest) {
    return "identity/authenticationEventsFlows('" + flowId + "')/" + rest;
  }

  private Reply applications(GraphRequest op) {
    String id = flow(op);
    List<ObjectNode> items = new ArrayList<>();
    for (String appId : op.externalId().links(id, ExternalIdStore.Link.APPLICATIONS)) {
      items.add(application(appId));
    }
    return ODataReplies.collection(
        op, context(id, "conditions/applications/includeApplications"), "authenticationConditionApplication", ODataSource.of(items), List.of("appId"),
        application(UUID.randomUUID().toString()), null);
  }

  private static ObjectNode application(String appId) {
    ObjectNode o = Json.object();
    o.put("@odata.type", APPLICATION_TYPE);
    o.put("appId", appId);
    return o;
  }

  /** Links an app by its appId: 400 for a body without a GUID appId or an app linked already. */
  private Reply addApplication(GraphRequest op) {
    ObjectNode b = op.body();
    String id = flow(op);
    DirectoryObjects.onlyWritable(op, b, Set.of("@odata.type", "appId"), "authenticationConditionApplication");
    String appId = b.path("appId").asText("");
    if (!GUID.matcher(appId).matches() || b.has("@odata.type") && !APPLICATION_TYPE.equals(b.path("@odata.type").asText())) {
      throw GraphErrorException.invalidValue("appId", "authenticationConditionApplication");
    }
    if (!op.externalId().link(id, ExternalIdStore.Link.APPLICATIONS, appId.toLowerCase(Locale.ROOT))) {
      throw GraphErrorException.badRequest("The application '" + appId + "' is already linked to the user flow.");
    }
    ObjectNode created = application(appId.toLowerCase(Locale.ROOT));
    Reply r = ODataReplies.created(op, context(id, "conditions/applications/includeApplications"), context(id, "conditions/applications/includeApplications"), created);
    r.headers.put("Location", op.graphEndpoint() + "/" + context(id, "conditions/applications/includeApplications") + "/" + created.path("appId").asText());
    return r;
  }

  /** The tenant's objects the flow links to, in link order; a link to an object deleted since is left out. */
  private Reply linked(GraphRequest op, ExternalIdStore.Link link, String collection) {
    String id = flow(op);
    List<ObjectNode> items = new ArrayList<>();
    for (String linkedId : op.externalId().links(id, link)) {
      ObjectNode o = op.b2c().object(collection, linkedId);
      if (o != null) {
        if (o.has("clientSecret")) {
          o.put("clientSecret", "*****");
        }
        items.add(o);
      }
    }
    String context = collection.equals(B2cSeed.IDENTITY_PROVIDERS) ? "identity/identityProviders" : "identity/userFlowAttributes";
    return ODataReplies.collection(op, context, B2cObjects.TYPES.get(collection), ODataSource.of(items), List.of("id", "displayName"), null, null);
  }

  /** Links one of the tenant's objects by {@code @odata.id}: 404 when there is none, 400 when linked already. */
  private Reply linkRef(GraphRequest op, ExternalIdStore.Link link, String collection, Pattern ref) {
    ObjectNode b = op.body();
    String id = flow(op);
    String target = DirectoryObjects.referencedId(b, ref);
    ObjectNode o = op.b2c().object(collection, target);
    if (o == null) {
      throw GraphErrorException.notFound(target);
    }
    if (!op.externalId().link(id, link, o.path("id").asText())) {
      throw GraphErrorException.badRequest("One or more added object references already exist for the following modified properties: '"
          + (link == ExternalIdStore.Link.ATTRIBUTES ? "attributes" : "identityProviders") + "'.");
    }
    return Reply.noContent();
  }

  private Reply unlink(GraphRequest op, ExternalIdStore.Link link, String target) {
    String id = flow(op);
    if (!op.externalId().unlink(id, link, target)) {
      throw GraphErrorException.notFound(target);
    }
    return Reply.noContent();
  }
}
