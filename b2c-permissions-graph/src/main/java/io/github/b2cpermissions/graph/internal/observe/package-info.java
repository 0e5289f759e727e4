/**
 * How the verifier reports what it does to an observability library, without depending on one:
 * {@link io.github.b2cpermissions.graph.internal.observe.CheckObserver} is told of each check, each
 * retry and each token request; its Micrometer implementation, the only class here that names
 * Micrometer, is created only when the user hands the builder an {@code ObservationRegistry}, so the
 * verifier runs the same without Micrometer on the class path.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.observe;

import org.jspecify.annotations.NullMarked;
