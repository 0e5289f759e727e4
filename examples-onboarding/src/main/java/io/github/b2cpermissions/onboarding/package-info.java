/**
 * A small Spring Boot web app showing what a backup vendor builds on b2c-permissions: a "connect
 * your tenant" page, the redirect to Entra ID's admin consent page with a {@code state} kept in the
 * browser's session, the callback that checks that state, then a wait until the new grants are seen
 * and a page that tells the administrator what the backup will cover, what it will skip and which
 * tier-0 permissions the app holds. It runs against an embedded fake tenant from the testkit, whose
 * consent page asks the administrator to accept or cancel, so no Azure account is needed.
 */
@NullMarked
package io.github.b2cpermissions.onboarding;

import org.jspecify.annotations.NullMarked;
