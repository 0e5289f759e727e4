/**
 * Closing the gap a verification found. {@link io.github.b2cpermissions.remediation.RemediationPlan}
 * turns a {@link io.github.b2cpermissions.VerificationReport} into the app role assignments that
 * would grant the missing roles of its profile, lists the excess roles a person may choose to
 * remove, and names what no assignment can fix (an app that was never consented, a disabled app, a
 * tenant of a kind no profile covers). Planning is pure: it reads the report and nothing else. A
 * granter (in the graph module) applies a plan and answers with a {@link
 * io.github.b2cpermissions.remediation.RemediationResult}, one {@link
 * io.github.b2cpermissions.remediation.GrantStep} per assignment. Every type here is immutable;
 * nothing accepts or returns {@code null} unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.b2cpermissions.remediation;

import org.jspecify.annotations.NullMarked;
