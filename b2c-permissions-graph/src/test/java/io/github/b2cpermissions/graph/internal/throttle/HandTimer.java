package io.github.b2cpermissions.graph.internal.throttle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A nanosecond clock and a timer that move only when a test says so. */
final class HandTimer implements FleetThrottle.Timer {
  long now = 5_000_000_000L;
  private final List<long[]> due = new ArrayList<>();
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();

  @Override
  public void completeAfter(long nanos, CompletableFuture<Void> future) {
    due.add(new long[] {now + nanos});
    pending.add(future);
  }

  void advanceMillis(long millis) {
    now += millis * 1_000_000L;
    for (int i = 0; i < pending.size(); i++) {
      if (due.get(i)[0] - now <= 0) {
        CompletableFuture<Void> f = pending.remove(i);
        due.remove(i);
        i--;
        f.complete(null);
      }
    }
  }

  int waiting() {
    return pending.size();
  }
}
