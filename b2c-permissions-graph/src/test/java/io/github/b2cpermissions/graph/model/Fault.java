package io.github.b2cpermissions.graph.model;

/**
 * One scripted fault: {@code target} answers {@code kind} on its first {@code failFirst} requests
 * and normally afterwards, or on every request when {@code failFirst} is 0 (persistent).
 *
 * @param target the request that fails
 * @param kind what it answers
 * @param failFirst how many requests fail before it recovers; 0 for never
 */
record Fault(Target target, FaultKind kind, int failFirst) {
  Fault {
    if (failFirst < 0 || (failFirst > 0 && !kind.passing())) {
      throw new IllegalArgumentException("only a passing fault can be transient: " + kind);
    }
  }

  /** Whether it fails every request (a transient one recovers within the retry budget). */
  boolean persistent() {
    return failFirst == 0;
  }

  @Override
  public String toString() {
    return target + "=" + kind + (persistent() ? " (persistent)" : " (first " + failFirst + ")");
  }
}
