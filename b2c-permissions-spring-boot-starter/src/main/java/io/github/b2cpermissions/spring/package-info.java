/**
 * The Spring Boot starter of b2c-permissions: a {@code GraphPermissionVerifier} and consent URL
 * builder configured from {@code b2c-permissions.*} properties ({@link
 * io.github.b2cpermissions.spring.B2cPermissionsProperties}), closed with the application context
 * and replaced by the application's own beans when it defines them; an Actuator health indicator
 * that reports whether the verifier can work without sending Graph requests; Micrometer
 * observations when the application has an {@code ObservationRegistry}; and an optional scheduled
 * fleet check that publishes application events when a tenant's permissions drift.
 */
@NullMarked
package io.github.b2cpermissions.spring;

import org.jspecify.annotations.NullMarked;
