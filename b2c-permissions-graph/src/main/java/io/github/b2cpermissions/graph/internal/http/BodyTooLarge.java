package io.github.b2cpermissions.graph.internal.http;

import java.io.IOException;

/** Why an answer's body over {@link GraphBodies#MAX_BODY_BYTES} was not read. */
final class BodyTooLarge extends IOException {
  private static final long serialVersionUID = 1L;

  /** The status that came with the body. */
  final int status;

  BodyTooLarge(int status) {
    super("a body over " + (GraphBodies.MAX_BODY_BYTES >> 20) + " MB");
    this.status = status;
  }
}
