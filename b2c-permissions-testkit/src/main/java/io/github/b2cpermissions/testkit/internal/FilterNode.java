package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One parsed {@code $filter} expression, tested against an item with the lambda variables in scope. */
interface FilterNode {
  /**
   * Whether the item matches.
   *
   * @param item the collection item
   * @param vars the lambda variables in scope, by name
   */
  boolean test(JsonNode item, Map<String, JsonNode> vars);
}
