package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft's beta type mappings ({@code beta-entity-types.json}, {@code beta-complex-types.json}):
 * for each beta type, the names of the properties and navigation properties it declares itself
 * (inherited ones are listed on the base type; the files carry neither base types nor JSON types).
 */
final class BetaTypeLists {
  /** The names one type declares. */
  record Names(Set<String> properties, Set<String> navigation) {}

  private final Map<String, Names> types = new HashMap<>();

  private BetaTypeLists() {}

  /**
   * Reads the two files; type names come back qualified ({@code microsoft.graph.group}).
   *
   * @throws IOException when a file cannot be read
   */
  static BetaTypeLists read(InputStream entityTypes, InputStream complexTypes) throws IOException {
    BetaTypeLists b = new BetaTypeLists();
    ObjectMapper mapper = new ObjectMapper();
    for (InputStream in : new InputStream[] {entityTypes, complexTypes}) {
      JsonNode root = mapper.readTree(in);
      root.fields().forEachRemaining(ns -> ns.getValue().fields().forEachRemaining(t -> {
        Set<String> props = new LinkedHashSet<>();
        Set<String> navs = new LinkedHashSet<>();
        t.getValue().path("properties").forEach(n -> props.add(n.asText()));
        t.getValue().path("navigationProperties").forEach(n -> navs.add(n.asText()));
        b.types.put(ns.getKey() + "." + t.getKey(), new Names(Set.copyOf(props), Set.copyOf(navs)));
      }));
    }
    return b;
  }

  @Nullable
  Names type(String qualified) {
    return types.get(qualified);
  }
}
