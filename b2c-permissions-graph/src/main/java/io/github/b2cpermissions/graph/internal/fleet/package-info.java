/**
 * The fleet runner: many tenants checked a bounded number at once, one result per tenant id given.
 * Not an API: anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.fleet;

import org.jspecify.annotations.NullMarked;
