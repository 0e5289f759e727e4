package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.FleetVerification;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The result of the most recent scheduled fleet check, kept for the health indicator. Thread-safe.
 */
final class LastFleetRun {

  /** One finished fleet run and when it finished. */
  record Run(FleetVerification fleet, Instant finishedAt) {}

  private final AtomicReference<Run> last = new AtomicReference<>();

  void record(FleetVerification fleet, Instant finishedAt) {
    last.set(new Run(fleet, finishedAt));
  }

  Optional<Run> last() {
    return Optional.ofNullable(last.get());
  }
}
