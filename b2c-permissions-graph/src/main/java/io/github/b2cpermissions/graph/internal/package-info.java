/**
 * Implementation details of the Graph module: HTTP transport, response parsing, retry and token
 * handling. Not an API: anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal;

import org.jspecify.annotations.NullMarked;
