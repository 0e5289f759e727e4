/**
 * The verifier's credentials and tokens: the azure-identity credentials it builds from a secret or a
 * certificate, the token source that asks them for a Graph token, the claims read from that token,
 * its validation (for Graph, the backup app and the tenant checked), and the cache of tokens already
 * confirmed. Not an API: anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.credentials;

import org.jspecify.annotations.NullMarked;
