/**
 * The fake's JSON seed format and the standalone runner of the testkit's {@code standalone} jar.
 * This layer sits on top of the public {@code FakeGraph} and {@code FakeGraphTenant} builders: it
 * turns a seed file into builder calls, so the format can describe nothing the builders cannot, and
 * nothing below depends on it. {@link io.github.b2cpermissions.testkit.seed.FakeGraphSeed} is its
 * only public type.
 */
@NullMarked
package io.github.b2cpermissions.testkit.seed;

import org.jspecify.annotations.NullMarked;
