package io.github.b2cpermissions.graph.model;

/** A request of a permission check that a fault plan can script a fault into. */
enum Target {
  /** The backup app's service principal (by appId, or by object id). */
  SERVICE_PRINCIPAL(true),
  /** Microsoft Graph's service principal and its app roles. */
  GRAPH_SERVICE_PRINCIPAL(true),
  /** The organization (id, tenant type, verified domains). */
  ORGANIZATION(true),
  /** The first page of assignments through the app's alternate key (cold {@code $batch}). */
  ASSIGNMENTS_BY_APP_ID(true),
  /** The first page of assignments by the service principal's object id (fallback, or warm). */
  ASSIGNMENTS_BY_OBJECT_ID(true),
  /** The second page of assignments (a nextLink, outside the batch). */
  PAGE_2(false),
  /** The third page of assignments. */
  PAGE_3(false),
  /** The fourth page of assignments. */
  PAGE_4(false),
  /** The outer {@code POST $batch} itself. */
  BATCH(false);

  private final boolean canBeInBatch;

  Target(boolean canBeInBatch) {
    this.canBeInBatch = canBeInBatch;
  }

  /** Whether this request can travel inside a {@code $batch} (a dropped connection cannot). */
  boolean canBeInBatch() {
    return canBeInBatch;
  }

  /** The page target for page {@code n} (2 to 4). */
  static Target page(int n) {
    return switch (n) {
      case 2 -> PAGE_2;
      case 3 -> PAGE_3;
      case 4 -> PAGE_4;
      default -> throw new IllegalArgumentException("no page target " + n);
    };
  }
}
