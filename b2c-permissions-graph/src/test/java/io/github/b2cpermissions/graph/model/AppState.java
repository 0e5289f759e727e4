package io.github.b2cpermissions.graph.model;

/** The backup app's service principal in a generated tenant. */
enum AppState {
  /** Present, {@code accountEnabled: true}. */
  ENABLED,
  /** Not in the tenant: Graph answers 404. */
  ABSENT,
  /** Present, {@code accountEnabled: false}. */
  DISABLED,
  /** Present, but the answer has no {@code accountEnabled}. */
  NO_ACCOUNT_ENABLED
}
