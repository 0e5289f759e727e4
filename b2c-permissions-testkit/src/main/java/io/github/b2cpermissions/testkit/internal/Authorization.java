package io.github.b2cpermissions.testkit.internal;

/**
 * Whether a request may run, decided by the {@link GraphDispatcher} before its handler. Most routes
 * take {@link #TABLE}, the roles of their {@code FakeRoute} entry; a route registers its own rule
 * only where Graph's is finer (a service principal reading itself, a user PATCH authorized property
 * by property).
 */
@FunctionalInterface
interface Authorization {
  /** The caller's roles cover one alternative of the route's {@code allowedBy()}. */
  Authorization TABLE = r -> r.route.isAllowedBy(r.caller.roles);

  boolean allows(GraphRequest request);
}
