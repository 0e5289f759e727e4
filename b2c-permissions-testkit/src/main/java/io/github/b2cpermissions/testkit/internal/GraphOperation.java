package io.github.b2cpermissions.testkit.internal;

/** What a handler does for one route: the reply, or a {@link GraphErrorException}. */
@FunctionalInterface
interface GraphOperation {
  /**
   * Serves an authorized request.
   *
   * @throws GraphErrorException for any answer Graph gives as an error
   */
  Reply handle(GraphRequest request);
}
