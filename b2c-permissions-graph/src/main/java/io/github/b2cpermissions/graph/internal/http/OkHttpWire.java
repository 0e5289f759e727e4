package io.github.b2cpermissions.graph.internal.http;

import io.github.b2cpermissions.graph.internal.call.CallContext;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * {@link Wire} over OkHttp's {@code enqueue}. The client must come from {@link
 * GraphHttpClients#assemble}: its {@link RequestGate} counts each attempt and keeps OkHttp from
 * sending anything the policy did not decide. OkHttp runs each call in flight on a dispatcher
 * thread for its whole duration (HTTP/2 included), so threads grow with requests in flight.
 */
final class OkHttpWire implements Wire {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient client;

  OkHttpWire(OkHttpClient client) {
    this.client = client;
  }

  @Override
  public Runnable send(CallContext ctx, String method, URI url, String bearerToken,
      @Nullable String priority, byte @Nullable [] body, long timeoutNanos, Callback callback) {
    Request.Builder rb = new Request.Builder().url(HttpUrl.get(url))
        .header("Authorization", "Bearer " + bearerToken)
        .header("Accept", "application/json")
        .tag(RequestGate.Ticket.class, new RequestGate.Ticket(ctx));
    if (priority != null) {
      rb.header("x-ms-throttle-priority", priority);
    }
    rb.method(method, body != null ? RequestBody.create(body, JSON) : null);
    Call call = client.newCall(rb.build());
    call.timeout().timeout(timeoutNanos, TimeUnit.NANOSECONDS);
    call.enqueue(new okhttp3.Callback() {
      @Override
      public void onFailure(Call c, IOException io) {
        callback.failed(io);
      }

      @Override
      public void onResponse(Call c, Response response) {
        WireAnswer answer;
        try (response) {
          answer = new WireAnswer(response.code(), read(response.code(), response.body()),
              RequestGate.retryAfter(response), response.header(ResponseJudge.THROTTLE_SCOPE),
              response.header(ResponseJudge.THROTTLE_PERCENTAGE));
        } catch (IOException io) {
          callback.failed(io);
          return;
        }
        callback.answered(answer);
      }
    });
    return call::cancel;
  }

  private static byte[] read(int status, @Nullable ResponseBody body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    okio.BufferedSource source = body.source();
    if (body.contentLength() > GraphBodies.MAX_BODY_BYTES
        || source.request(GraphBodies.MAX_BODY_BYTES + 1)) {
      throw new BodyTooLarge(status);
    }
    return source.readByteArray();
  }

  @Override
  public void shutDown(boolean owned) {
    GraphHttpClients.shutDown(client, owned);
  }
}
