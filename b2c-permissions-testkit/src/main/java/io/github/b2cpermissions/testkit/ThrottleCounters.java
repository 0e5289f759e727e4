package io.github.b2cpermissions.testkit;

/**
 * What a {@link FakeGraph}'s modelled throttling saw so far (see {@link FakeThrottleLimits}): a
 * snapshot, taken by {@link FakeGraph#throttleCounters()}. All zero when no limit is modelled.
 *
 * @param graphRequests Graph operations charged (each request inside a {@code $batch} on its own)
 * @param appThrottled requests refused with scope {@code Application}
 * @param tenantThrottled requests refused with scope {@code Tenant_Application}
 * @param peakAppRequestsPerPeriod the most requests one app sent in any window of the app-wide
 *     period, refused ones included (0 without an app-wide limit): a fleet that keeps to the
 *     app-wide limit keeps this at or under it
 * @param limitSignals requests admitted above 80% of a limit, and so answered with {@code
 *     x-ms-throttle-limit-percentage}: the warnings a client can slow down on before Graph refuses
 */
public record ThrottleCounters(long graphRequests, long appThrottled, long tenantThrottled,
    long peakAppRequestsPerPeriod, long limitSignals) {}
