package io.github.b2cpermissions.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.testkit.internal.ExternalIdObjects;
import io.github.b2cpermissions.testkit.internal.ExternalIdSeed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Microsoft Entra External ID configuration of a fake tenant: its user flows ({@code
 * identity/authenticationEventsFlows}) with the applications, attributes and identity providers
 * linked to each, its custom authentication extensions and its authentication methods policy.
 * Immutable; give it to {@link FakeGraphTenantBuilder#externalIdData(ExternalIdData)}, next to the
 * tenant's directory ({@link B2cData}: users, apps, user flow attributes, identity providers and the
 * rest, which the flows point at). A tenant's {@code reset()} puts the configuration back.
 *
 * <pre>{@code
 * FakeGraphTenant tenant = FakeGraphTenant.builder()
 *     .externalId("woodgrove.onmicrosoft.com")
 *     .b2cData(ExternalIdSample.directory())
 *     .externalIdData(ExternalIdData.sample())
 *     .build();
 * }</pre>
 *
 * <p>Objects are given as Graph JSON, the shape Graph returns them in; the fake fills in the
 * properties left out with Graph's defaults and draws an id when there is none.
 */
public final class ExternalIdData {
  /** The collections seeded from Graph JSON. */
  public enum Kind {
    /**
     * {@code identity/authenticationEventsFlows}: {@code externalUsersSelfServiceSignUpEventsFlow}
     * objects. The JSON may carry the flow's links as arrays: {@code includeApplications} (appIds,
     * or objects with an {@code appId}), {@code attributes} and {@code identityProviders} (ids, or
     * objects with an {@code id}) at the top level of the flow.
     */
    AUTHENTICATION_EVENTS_FLOWS(ExternalIdSeed.FLOWS),
    /** {@code identity/customAuthenticationExtensions}: objects of a derived type, named by {@code @odata.type}. */
    CUSTOM_AUTHENTICATION_EXTENSIONS(ExternalIdSeed.EXTENSIONS),
    /**
     * {@code policies/authenticationMethodsPolicy/authenticationMethodConfigurations}: one object per
     * method, with Graph's fixed id ({@code Email}, {@code Sms}, {@code Voice}, {@code SoftwareOath}
     * get their type from the id; other ids need an {@code @odata.type}).
     */
    AUTHENTICATION_METHOD_CONFIGURATIONS(ExternalIdSeed.METHOD_CONFIGURATIONS);

    private final String collection;

    Kind(String collection) {
      this.collection = collection;
    }
  }

  private static final ExternalIdData EMPTY = new ExternalIdData(ExternalIdSeed.EMPTY);

  private final ExternalIdSeed seed;

  private ExternalIdData(ExternalIdSeed seed) {
    this.seed = seed;
  }

  /** No External ID configuration: the default of every tenant. */
  public static ExternalIdData empty() {
    return EMPTY;
  }

  /** A realistic External ID configuration: see {@link Builder#sample()}. */
  public static ExternalIdData sample() {
    return builder().sample().build();
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  ExternalIdSeed seed() {
    return seed;
  }

  /** Whether this holds no configuration at all. */
  public boolean isEmpty() {
    return seed.size() == 0;
  }

  @Override
  public String toString() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    seed.objects.forEach((k, v) -> sizes.put(k, v.size()));
    return "ExternalIdData{objects=" + sizes + ", policy=" + (seed.policy != null) + "}";
  }

  /** Builds {@link ExternalIdData}; each method checks its arguments. */
  public static final class Builder {
    private final Map<String, List<ObjectNode>> objects = new LinkedHashMap<>();
    private final Set<String> ids = new HashSet<>();
    private final Map<String, List<String>> applications = new LinkedHashMap<>();
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();
    private final Map<String, List<String>> providers = new LinkedHashMap<>();
    private @Nullable ObjectNode policy;

    private Builder() {}

    /**
     * Adds an object as Graph returns it.
     *
     * @return this
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the JSON is not an object, a link array is malformed, or
     *     an object of the same kind has the same id
     */
    public Builder add(Kind kind, String graphJson) {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(graphJson, "graphJson");
      ObjectNode given = ExternalIdObjects.parseObject(graphJson, kind.collection);
      List<String> apps = links(given, "includeApplications", "appId");
      List<String> attrs = links(given, "attributes", "id");
      List<String> idps = links(given, "identityProviders", "id");
      ObjectNode o = ExternalIdObjects.normalize(kind.collection, given.toString());
      String id = o.path("id").asText();
      if (id.isBlank()) {
        throw new IllegalArgumentException(kind + " object needs an id");
      }
      if (!ids.add(kind.collection + "/" + id.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("two " + kind + " objects with the id " + id);
      }
      objects.computeIfAbsent(kind.collection, k -> new ArrayList<>()).add(o);
      if (kind != Kind.AUTHENTICATION_EVENTS_FLOWS && (!apps.isEmpty() || !attrs.isEmpty() || !idps.isEmpty())) {
        throw new IllegalArgumentException("only a user flow links to applications, attributes and identity providers");
      }
      String key = id.toLowerCase(Locale.ROOT);
      apps.forEach(a -> add(applications, key, a.toLowerCase(Locale.ROOT)));
      attrs.forEach(a -> add(attributes, key, a));
      idps.forEach(p -> add(providers, key, p));
      return this;
    }

    /**
     * Links applications, by appId, to a user flow added before ({@code includeApplications}).
     *
     * @return this
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the flow was not added
     */
    public Builder flowApplications(String flowId, String... appIds) {
      return links(applications, flowId, appIds);
    }

    /**
     * Links user flow attributes, by id, to a user flow added before (its attribute collection).
     *
     * @return this
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the flow was not added
     */
    public Builder flowAttributes(String flowId, String... attributeIds) {
      return links(attributes, flowId, attributeIds);
    }

    /**
     * Links identity providers, by id, to a user flow added before (its sign-in options).
     *
     * @return this
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the flow was not added
     */
    public Builder flowIdentityProviders(String flowId, String... providerIds) {
      return links(providers, flowId, providerIds);
    }

    /**
     * The tenant's authentication methods policy, as Graph returns it without its configurations
     * (default: a policy nobody changed).
     *
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if the JSON is not an object
     */
    public Builder authenticationMethodsPolicy(String graphJson) {
      this.policy = ExternalIdObjects.normalizePolicy(Objects.requireNonNull(graphJson, "graphJson"));
      return this;
    }

    /**
     * Adds a realistic External ID configuration: the sign-up and sign-in flow of a web shop
     * (linked to {@link ExternalIdSample#SHOP_APP_ID}, collecting display name, city and the
     * custom loyalty number, offering email with password and Google), a second flow for a partner
     * portal with email one-time passcode, a token issuance start extension and an attribute
     * collection submit extension, and the email one-time passcode and SMS method configurations.
     * Ids are fixed: see {@link ExternalIdSample}. Made for {@link ExternalIdSample#directory()}.
     *
     * @return this
     * @throws IllegalArgumentException if objects with the same ids were added before
     */
    public Builder sample() {
      ExternalIdSample.addTo(this);
      return this;
    }

    /** The configuration: a new immutable {@link ExternalIdData}. */
    public ExternalIdData build() {
      return new ExternalIdData(new ExternalIdSeed(objects, policy, applications, attributes, providers));
    }

    private Builder links(Map<String, List<String>> map, String flowId, String... linked) {
      Objects.requireNonNull(flowId, "flowId");
      if (!ids.contains(ExternalIdSeed.FLOWS + "/" + flowId.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("add the user flow " + flowId + " before its links");
      }
      for (String l : linked) {
        Objects.requireNonNull(l, "linked id");
        add(map, flowId.toLowerCase(Locale.ROOT), map == applications ? l.toLowerCase(Locale.ROOT) : l);
      }
      return this;
    }

    private static void add(Map<String, List<String>> map, String key, String id) {
      List<String> list = map.computeIfAbsent(key, k -> new ArrayList<>());
      if (list.stream().noneMatch(id::equalsIgnoreCase)) {
        list.add(id);
      }
    }

    /** Removes a link array from a seed object and returns its ids (strings, or objects' {@code key}). */
    private static List<String> links(JsonNode given, String array, String key) {
      List<String> out = new ArrayList<>();
      JsonNode items = given.path(array);
      if (items.isMissingNode()) {
        return out;
      }
      if (!items.isArray()) {
        throw new IllegalArgumentException(array + " must be an array");
      }
      for (JsonNode item : (ArrayNode) items) {
        String id = item.isTextual() ? item.asText() : item.path(key).asText("");
        if (id.isBlank()) {
          throw new IllegalArgumentException(array + " items must be ids or objects with " + key);
        }
        out.add(id);
      }
      ((ObjectNode) given).remove(array);
      return out;
    }

    @Override
    public String toString() {
      return "ExternalIdData.Builder{objects=" + ids.size() + "}";
    }
  }
}
