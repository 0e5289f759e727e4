package io.github.b2cpermissions.graph.internal.http;

import java.util.List;

/**
 * A Graph request about to leave, as {@link RequestPermits#beforeSend} sees it.
 *
 * @param tenantId the tenant the check is for
 * @param method the HTTP method
 * @param path the path below the Graph host, such as {@code /v1.0/$batch}
 * @param batchUrls for a {@code $batch}, the relative URLs of its items (each costs Graph's
 *     budget on its own); empty otherwise
 * @param attempt the attempt number, from 1
 */
public record OutgoingRequest(
    String tenantId, String method, String path, List<String> batchUrls, int attempt) {
  /** Copies the item list. */
  public OutgoingRequest {
    batchUrls = List.copyOf(batchUrls);
  }
}
