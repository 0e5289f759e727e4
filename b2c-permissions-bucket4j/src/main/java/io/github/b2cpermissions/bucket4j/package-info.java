/**
 * A {@link io.github.b2cpermissions.RequestBudget} that several worker JVMs share: {@link
 * io.github.b2cpermissions.bucket4j.RedisRequestBudget} keeps one bucket4j token bucket in Redis
 * (over Lettuce) under a key the workers agree on, so that a fleet split across workers keeps,
 * together, to the app's Microsoft Graph limit. Nothing in this package accepts or returns {@code
 * null} unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.b2cpermissions.bucket4j;

import org.jspecify.annotations.NullMarked;
