package io.github.b2cpermissions.graph.internal.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The one seam for a throttle budget: {@link #beforeSend} is called before every Graph request
 * leaves (first attempts and retries alike, after the verifier's own in-flight limit let it
 * through), and the request waits, holding no thread, until the stage completes; {@link
 * #onThrottle} is handed every throttling signal Graph sent, parsed, from the top-level response
 * and from each item of a {@code $batch}. A stage that completes exceptionally fails the attempt
 * with that exception (a {@link io.github.b2cpermissions.B2cPermissionsException} is passed on as
 * it is). The check's deadline and cancellation still bound the wait: the transport stops waiting
 * for the stage when either comes. Implementations must be thread-safe and must not block.
 */
public interface RequestPermits {
  /** Lets every request go at once and ignores throttling signals. */
  RequestPermits UNLIMITED = request -> CompletableFuture.completedFuture(null);

  /**
   * Called before {@code request} leaves.
   *
   * @return a stage that completes when the request may go
   */
  CompletionStage<Void> beforeSend(OutgoingRequest request);

  /**
   * Told of a 429, or of any answer carrying {@code x-ms-throttle-limit-percentage}. Called on an
   * HTTP client thread; must return quickly. The default does nothing.
   */
  default void onThrottle(ThrottleNotice notice) {}

  /**
   * The {@code x-ms-throttle-priority} to send on every request ({@code low}, {@code normal} or
   * {@code high}), or null to send none. The default sends none.
   */
  default @Nullable String priorityHeader() {
    return null;
  }
}
