/**
 * Assembly of the OkHttp client the verifier sends Graph requests with, stripped of every retry and
 * redirect the retry policy did not decide. Not an API: anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.http;

import org.jspecify.annotations.NullMarked;
