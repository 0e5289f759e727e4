package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Microsoft Entra External ID configuration a tenant starts from after {@code reset()}: its
 * authentication events flows (with the applications, attributes and identity providers linked to
 * each), custom authentication extensions and authentication methods policy. Immutable once built
 * (the {@link ExternalIdStore} copies what it changes); built by the public {@code ExternalIdData}
 * builder. The users, groups, apps, attributes and identity providers the flows point at live in
 * the tenant's {@link B2cSeed}.
 */
public final class ExternalIdSeed {
  /** No External ID configuration: the default of every tenant. */
  public static final ExternalIdSeed EMPTY = new ExternalIdSeed(Map.of(), null, Map.of(), Map.of(), Map.of());

  /** Collection names, as in the Graph path. */
  public static final String FLOWS = "authenticationEventsFlows";
  public static final String EXTENSIONS = "customAuthenticationExtensions";
  public static final String METHOD_CONFIGURATIONS = "authenticationMethodConfigurations";

  /** Graph JSON objects by collection name; never modified after construction. */
  public final Map<String, List<ObjectNode>> objects;
  /** The tenant's authentication methods policy without its configurations, or null for Graph's default. */
  public final @Nullable ObjectNode policy;
  /** By the flow's lower-case id: the appIds of {@code conditions/applications/includeApplications}. */
  public final Map<String, List<String>> flowApplications;
  /** By the flow's lower-case id: the ids of the user flow attributes its attribute collection asks for. */
  public final Map<String, List<String>> flowAttributes;
  /** By the flow's lower-case id: the ids of the identity providers it offers. */
  public final Map<String, List<String>> flowIdentityProviders;

  public ExternalIdSeed(
      Map<String, List<ObjectNode>> objects,
      @Nullable ObjectNode policy,
      Map<String, List<String>> flowApplications,
      Map<String, List<String>> flowAttributes,
      Map<String, List<String>> flowIdentityProviders) {
    this.objects = copy(objects);
    this.policy = policy == null ? null : policy.deepCopy();
    this.flowApplications = copy(flowApplications);
    this.flowAttributes = copy(flowAttributes);
    this.flowIdentityProviders = copy(flowIdentityProviders);
  }

  private static <T> Map<String, List<T>> copy(Map<String, List<T>> m) {
    Map<String, List<T>> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  /** The number of objects, for toString. */
  public int size() {
    int n = policy == null ? 0 : 1;
    for (List<ObjectNode> l : objects.values()) {
      n += l.size();
    }
    return n;
  }
}
