/**
 * The verifier's HTTP layer: the OkHttp client stripped of every retry and redirect the retry policy
 * did not decide, the gate that bounds concurrent requests and honours a server's pause, and the
 * transport that sends one Graph request with retries and hands back its status, body and wait.
 * Not an API: anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.http;

import org.jspecify.annotations.NullMarked;
