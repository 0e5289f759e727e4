package io.github.b2cpermissions.graph.internal.http;

import io.github.b2cpermissions.graph.internal.call.CallContext;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The network interceptor every Graph request passes on its way out: it counts the request against
 * its check, lets each attempt the retry policy decided leave exactly once, and hides {@code
 * Retry-After} from OkHttp's own follow-up logic (which would resend a 503 with {@code Retry-After:
 * 0} by itself), handing the value to the policy under {@link #POLICY_RETRY_AFTER}. A second network
 * request for the same attempt (an HTTP-client retry or follow-up nobody decided) is refused with an
 * {@link IOException}, which the policy then judges like any connection failure.
 */
final class RequestGate implements Interceptor {
  /** The response header that carries Graph's {@code Retry-After} past OkHttp to the policy. */
  public static final String POLICY_RETRY_AFTER = "X-B2c-Permissions-Retry-After";

  /** One attempt the policy decided; tagged on its request. */
  public static final class Ticket {
    private final CallContext ctx;
    private final AtomicBoolean used = new AtomicBoolean();

    /** A ticket for one attempt of {@code ctx}. */
    public Ticket(CallContext ctx) {
      this.ctx = ctx;
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Ticket ticket = request.tag(Ticket.class);
    if (ticket != null) {
      if (!ticket.used.compareAndSet(false, true)) {
        throw new IOException("refused a second network request for one attempt: the HTTP client"
            + " tried a retry or follow-up that the retry policy did not decide");
      }
      ticket.ctx.countRequest();
    } else {
      throw new IOException("refused a Graph request that no check decided");
    }
    Response response = chain.proceed(request);
    String retryAfter = response.header("Retry-After");
    if (retryAfter == null) {
      return response;
    }
    return response.newBuilder()
        .removeHeader("Retry-After")
        .header(POLICY_RETRY_AFTER, retryAfter)
        .build();
  }

  /** Graph's {@code Retry-After} on a response that passed the gate. */
  public static @Nullable String retryAfter(Response response) {
    String hidden = response.header(POLICY_RETRY_AFTER);
    return hidden != null ? hidden : response.header("Retry-After");
  }
}
