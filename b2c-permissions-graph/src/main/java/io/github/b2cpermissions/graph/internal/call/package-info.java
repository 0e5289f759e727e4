/**
 * The state of one tenant check as every layer below the facade sees it: the tenant, the bearer
 * token its requests carry, its deadline, how many requests it sent and whether it was cancelled.
 * The HTTP, credential, check and fleet packages all read it, so it sits beneath them all. Not an
 * API: anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.call;

import org.jspecify.annotations.NullMarked;
