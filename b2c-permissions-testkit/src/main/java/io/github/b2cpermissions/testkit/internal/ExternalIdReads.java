package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * The reads and deletes the External ID collections share: a page, one object by the route's
 * {@code id} and a delete. An id the tenant does not hold is 404 {@code Request_ResourceNotFound};
 * these are not directory objects, so an id that is not a GUID is not the directory's 400 either.
 */
final class ExternalIdReads {
  private ExternalIdReads() {}

  static Reply list(GraphRequest op, String collection, String context) {
    ExternalIdStore s = op.externalId();
    ODataSource src =
        new ODataSource() {
          @Override
          public int size() {
            return s.positions(collection);
          }

          @Override
          public @Nullable ObjectNode at(int pos) {
            return s.at(collection, pos);
          }
        };
    return ODataReplies.collection(
        op, context, ExternalIdObjects.TYPES.get(collection), src, ExternalIdObjects.FILTERABLE.get(collection), null, null);
  }

  static Reply get(GraphRequest op, String collection, String context) {
    return ODataReplies.entity(op, context, require(op, collection), ExternalIdObjects.TYPES.get(collection));
  }

  static Reply delete(GraphRequest op, String collection) {
    if (!op.externalId().delete(collection, op.var("id"))) {
      throw GraphErrorException.notFound(op.var("id"));
    }
    return Reply.noContent();
  }

  /**
   * A copy of the object the route's {@code id} names.
   *
   * @throws GraphErrorException 404 when there is none
   */
  static ObjectNode require(GraphRequest op, String collection) {
    ObjectNode o = op.externalId().byId(collection, op.var("id"));
    if (o == null) {
      throw GraphErrorException.notFound(op.var("id"));
    }
    return o;
  }
}
