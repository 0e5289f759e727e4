/**
 * Implementation details of the testkit: the HTTPS server on WireMock, the tenant model, the Graph
 * and sign-in routes, token signing and the generated TLS certificate. Not an API: anything here
 * may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.testkit.internal;

import org.jspecify.annotations.NullMarked;
