package io.github.b2cpermissions.graph.model;

import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.graph.stub.StubResponse;
import org.jspecify.annotations.Nullable;

/** What a scripted fault answers, and which exception the spec throws when it decides a check. */
enum FaultKind {
  FORBIDDEN(false, null),
  NOT_FOUND(false, UnexpectedGraphResponseException.class),
  UNAUTHORIZED(false, AuthenticationFailedException.class),
  THROTTLED(true, GraphThrottledException.class),
  UNAVAILABLE(true, GraphUnavailableException.class),
  SERVER_ERROR(false, GraphUnavailableException.class),
  MALFORMED(false, UnexpectedGraphResponseException.class),
  DROPPED(true, GraphUnavailableException.class);

  private final boolean passing;
  private final @Nullable Class<? extends RuntimeException> failure;

  FaultKind(boolean passing, @Nullable Class<? extends RuntimeException> failure) {
    this.passing = passing;
    this.failure = failure;
  }

  /** Whether the retry policy may retry it (so a transient fault of this kind recovers). */
  boolean passing() {
    return passing;
  }

  /**
   * The exception a check throws when this fault is the failure that decides it (spec rule d);
   * none for {@link #FORBIDDEN}, which rule c turns into DIRECTORY_UNREADABLE (throws
   * IllegalStateException).
   */
  Class<? extends RuntimeException> failure() {
    if (failure == null) {
      throw new IllegalStateException(this + " decides no exception: rule c makes it a refusal");
    }
    return failure;
  }

  /** The stub's answer; {@code inBatch} picks a malformed body a {@code $batch} can carry. */
  StubResponse response(boolean inBatch) {
    return switch (this) {
      case FORBIDDEN -> StubResponse.forbidden();
      case NOT_FOUND -> StubResponse.notFound();
      case UNAUTHORIZED -> StubResponse.graphError(401, "InvalidAuthenticationToken",
          "Access token validation failure. Invalid audience.");
      case THROTTLED -> StubResponse.throttled(0, "Application");
      case UNAVAILABLE -> StubResponse.unavailable(0);
      case SERVER_ERROR -> StubResponse.graphError(500, "generalException",
          "General exception while processing.");
      case MALFORMED -> inBatch
          ? StubResponse.json(200, "\"<html><body>Service maintenance</body></html>\"")
          : StubResponse.json(200, "{\"value\":[{\"id\":\"3f1c");
      case DROPPED -> StubResponse.dropped();
    };
  }
}
