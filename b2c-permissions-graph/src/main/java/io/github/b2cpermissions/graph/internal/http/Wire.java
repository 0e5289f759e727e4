package io.github.b2cpermissions.graph.internal.http;

import io.github.b2cpermissions.graph.internal.call.CallContext;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP client under {@link GraphTransport}: sends one attempt that the retry policy decided,
 * counts it against its check, and calls back exactly once, without holding a thread of the
 * caller's while the answer is awaited. Nothing is retried, redirected or answered (401) by the
 * client itself.
 */
public interface Wire {

  /** Told how one attempt ended; called once, on a thread of the HTTP client. */
  public interface Callback {
    /** An answer with its body read. */
    void answered(WireAnswer answer);

    /** No answer: a connection, TLS or timeout failure, or a body over the bound. */
    void failed(IOException failure);
  }

  /**
   * Sends one attempt.
   *
   * @param ctx the check, whose request count this attempt adds to
   * @param method the HTTP method
   * @param url an absolute Graph URL
   * @param bearerToken the access token
   * @param priority the {@code x-ms-throttle-priority} value, or null for none
   * @param body a JSON body, or null
   * @param timeoutNanos bounds the attempt end to end, body included
   * @param callback told how it ended
   * @return cancels the attempt (the callback then reports a failure, or nothing if it already ran)
   */
  Runnable send(CallContext ctx, String method, URI url, String bearerToken,
      @Nullable String priority, byte @Nullable [] body, long timeoutNanos, Callback callback);

  /**
   * Releases what the verifier owns of this client: its threads, and its connections when {@code
   * owned}.
   */
  void shutDown(boolean owned);
}
