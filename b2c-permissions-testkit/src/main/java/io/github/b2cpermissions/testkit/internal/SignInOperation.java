package io.github.b2cpermissions.testkit.internal;

import org.jspecify.annotations.Nullable;

/** What a sign-in endpoint does for one request; errors are replies in Entra's shapes. */
@FunctionalInterface
interface SignInOperation {
  Reply handle(Exchange ex, RouteMatcher.Match m, @Nullable TenantModel tenant);
}
