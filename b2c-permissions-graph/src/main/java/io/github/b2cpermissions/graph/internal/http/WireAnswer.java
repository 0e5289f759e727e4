package io.github.b2cpermissions.graph.internal.http;

import org.jspecify.annotations.Nullable;

/**
 * What came back for one request, whichever HTTP client carried it: the status, the body (already
 * read, within {@link GraphBodies#MAX_BODY_BYTES}) and the headers the retry policy and the
 * throttle budget read.
 *
 * @param status the HTTP status
 * @param body the body, empty when there was none
 * @param retryAfter Graph's {@code Retry-After}, or null
 * @param throttleScope {@code x-ms-throttle-scope}, or null
 * @param throttlePercentage {@code x-ms-throttle-limit-percentage}, or null
 */
record WireAnswer(int status, byte[] body, @Nullable String retryAfter,
    @Nullable String throttleScope, @Nullable String throttlePercentage) {}
