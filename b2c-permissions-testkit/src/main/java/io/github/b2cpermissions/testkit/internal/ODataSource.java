package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A collection by position, for paging: a position holds an item or a hole (a deleted object), so a
 * {@code $skiptoken} that names a position stays valid while the collection changes.
 */
interface ODataSource {
  int size();

  /** The item at a position, or null for a hole. */
  @Nullable
  ObjectNode at(int pos);

  /** A source over a list, without holes. */
  static ODataSource of(List<ObjectNode> items) {
    return new ODataSource() {
      @Override
      public int size() {
        return items.size();
      }

      @Override
      public ObjectNode at(int pos) {
        return items.get(pos);
      }
    };
  }
}
