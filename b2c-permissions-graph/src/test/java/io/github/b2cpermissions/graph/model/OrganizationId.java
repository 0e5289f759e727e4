package io.github.b2cpermissions.graph.model;

/** What id the organization answers in a generated tenant. */
enum OrganizationId {
  /** The token's {@code tid}. */
  MATCHING,
  /** Another tenant's id. */
  OTHER_TENANT,
  /** No {@code id} property at all. */
  MISSING
}
