/**
 * A small hostile Microsoft Graph for the verifier's tests, written from Microsoft's documentation
 * rather than from the testkit fake: a JDK {@code HttpsServer} on loopback that answers whatever a
 * test scripts (Graph's error envelope, throttling headers, paging, {@code $batch}, slow or broken
 * connections) and counts every request that reaches it, so a test can check what the verifier
 * really sent. {@link io.github.b2cpermissions.graph.stub.StubDirectory} answers the reads of a
 * permission check for one scripted tenant in Graph's documented shapes.
 */
@NullMarked
package io.github.b2cpermissions.graph.stub;

import org.jspecify.annotations.NullMarked;
