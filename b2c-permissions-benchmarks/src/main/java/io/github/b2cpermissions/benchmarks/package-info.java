/**
 * Benchmark mains for b2c-permissions. Each prints its figures and the ratio to a baseline measured
 * in the same run, because shared machines are too noisy for absolute numbers. Not published and
 * not run by the tests.
 */
@NullMarked
package io.github.b2cpermissions.benchmarks;

import org.jspecify.annotations.NullMarked;
