/**
 * The poller behind awaiting grants: checks again with fresh tokens and growing waits until the
 * grants hold or time runs out. Not an API: anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.await;

import org.jspecify.annotations.NullMarked;
