/**
 * The verifier's memory between checks: a bounded cache whose entries expire, and a pool that lets
 * many cached tenants point to one copy of an equal immutable value. Nothing here knows about Graph;
 * the check and credential packages decide what is worth keeping. Not an API: anything here may
 * change in any release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.cache;

import org.jspecify.annotations.NullMarked;
