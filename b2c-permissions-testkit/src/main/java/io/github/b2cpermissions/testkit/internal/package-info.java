/**
 * Implementation details of the testkit: the HTTPS server on WireMock, a dispatcher that
 * authenticates and authorizes each request once from the {@code FakeRoute} table, one handler per
 * Graph resource family and one per sign-in endpoint, one OData toolkit, the error envelopes, the
 * tenant model, token signing and the generated TLS certificate. One flat package so that all of it
 * stays package-private. Not an API: anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.testkit.internal;

import org.jspecify.annotations.NullMarked;
