package io.github.b2cpermissions.graph.internal.http;

import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.internal.call.Futures;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code $batch} in rounds: Graph throttles each request inside a batch on its own, so when some
 * items answer 429, 503 or 504 only those are sent again, in a smaller {@code $batch}, after the
 * longest {@code Retry-After} among them (the retry policy's backoff when none named one), for as
 * long as the retry policy allows; the items already answered keep their answers. When the policy
 * allows no more rounds, the items still failing come back failed (their status kept, with the
 * number of rounds they were sent in), next to the others' answers.
 */
final class BatchRounds {
  private static final Logger LOG = LoggerFactory.getLogger(GraphTransport.class);

  private final RetryDecider retries;
  private final ScheduledExecutorService timer;
  private final Clock clock;

  BatchRounds(RetryDecider retries, ScheduledExecutorService timer, Clock clock) {
    this.retries = retries;
    this.timer = timer;
    this.clock = clock;
  }

  /**
   * Sends {@code urls} through {@code send} (which posts one {@code $batch} of them with its own
   * retries for the envelope) and answers one response per URL, in order.
   */
  CompletableFuture<List<GraphResponse>> run(CallContext ctx, List<String> urls, byte[] body,
      BiFunction<List<String>, byte[], CompletableFuture<GraphResponse>> send) {
    return round(ctx, urls, body, send, 1);
  }

  private CompletableFuture<List<GraphResponse>> round(CallContext ctx, List<String> urls,
      byte[] body, BiFunction<List<String>, byte[], CompletableFuture<GraphResponse>> send, int round) {
    return send.apply(urls, body).thenCompose(outer -> {
      if (!outer.isSuccess()) {
        throw new UnexpectedGraphResponseException("Graph answered POST $batch with "
            + outer.status() + " " + outer.errorCode(), ctx.tenantId(), outer.status(), null);
      }
      List<GraphResponse> answers = new ArrayList<>(
          GraphBodies.innerResponses(ctx, outer.body(), urls.size(), round, clock));
      List<Integer> failed = new ArrayList<>();
      Duration longest = null;
      int status = 0;
      for (int i = 0; i < answers.size(); i++) {
        GraphResponse a = answers.get(i);
        int s = a.status();
        if (s == 429 || s == 503 || s == 504) {
          failed.add(i);
          status = status == 429 || s == 429 ? 429 : Math.max(status, s);
          Duration ra = a.retryAfter();
          if (ra != null && (longest == null || ra.compareTo(longest) > 0)) {
            longest = ra;
          }
        }
      }
      if (failed.isEmpty()) {
        return CompletableFuture.completedFuture(answers);
      }
      String what = "POST $batch (" + failed.size() + " of " + urls.size() + " items)";
      Retryable again = retries.decide(ctx, what, round, "HTTP " + status + " inside $batch",
          longest, null);
      if (!again.again) {
        LOG.debug("tenant {}: {} still answering {} after {} round(s); returning them as failed",
            ctx.tenantId(), what, status, round);
        return CompletableFuture.completedFuture(answers);
      }
      List<String> retry = new ArrayList<>(failed.size());
      failed.forEach(i -> retry.add(urls.get(i)));
      return delay(ctx, again.waitMillis, what)
          .thenCompose(x -> round(ctx, retry, GraphBodies.batchBody(retry), send, round + 1))
          .thenApply(retried -> {
            for (int k = 0; k < failed.size(); k++) {
              answers.set(failed.get(k), retried.get(k));
            }
            return answers;
          });
    });
  }

  private CompletableFuture<Void> delay(CallContext ctx, long millis, String what) {
    CompletableFuture<Void> waited = new CompletableFuture<>();
    timer.schedule(() -> waited.complete(null), millis, TimeUnit.MILLISECONDS);
    return Futures.bounded(waited, ctx, timer, "before retrying " + what,
        () -> new GraphUnavailableException("the check of tenant " + ctx.tenantId()
            + " ran out of time before retrying " + what, ctx.tenantId(), null));
  }
}
