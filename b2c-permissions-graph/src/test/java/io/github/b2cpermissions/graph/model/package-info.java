/**
 * A model-based, seeded and replayable test of the verifier's fail-closed verdict: a generator of
 * tenant states and fault plans for the hostile Graph stub, an oracle written from the team's
 * agreed semantics (never from the code under test) that says which answers a check may give, and
 * the JUnit test that runs the verifier on each generated case and asserts its answer is one of
 * them. SATISFIED is only ever acceptable where the model itself says SATISFIED.
 */
@NullMarked
package io.github.b2cpermissions.graph.model;

import org.jspecify.annotations.NullMarked;
