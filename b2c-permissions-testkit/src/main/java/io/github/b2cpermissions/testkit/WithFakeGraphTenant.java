package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class (or one test method) against a fake B2C tenant, injected as a {@link
 * FakeGraphTenant} parameter. On a class, one server serves all its tests and is {@link
 * FakeGraphTenant#reset() reset} before each; on a method, that test gets a tenant of its own.
 * After each test, a request the fake does not serve fails the test (when {@link #strict()}).
 *
 * <pre>{@code
 * @WithFakeGraphTenant(without = B2cBackupPermission.USER_PHONE_READ_WRITE_ALL)
 * class PreBackupCheckTest {
 *   @Test
 *   void reportsTheMissingPermission(FakeGraphTenant tenant) { ... }
 * }
 * }</pre>
 *
 * <p>For anything the attributes do not cover, register {@link FakeGraphExtension} with a builder
 * instead. Use one or the other in a class, not both.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeGraphExtension.class)
public @interface WithFakeGraphTenant {
  /** The verified domain. */
  String domain() default "contoso.onmicrosoft.com";

  /** The organization's {@code tenantType}: {@code AAD B2C}, {@code AAD} or {@code CIAM}. */
  String tenantType() default FakeGraphTenant.TENANT_TYPE_B2C;

  /** Whether all 14 permissions are granted (then {@link #granted()} adds nothing). */
  boolean grantedAll() default true;

  /** Permissions granted when {@link #grantedAll()} is false. */
  B2cBackupPermission[] granted() default {};

  /** Permissions left out of the granted ones. */
  B2cBackupPermission[] without() default {};

  /** Further Microsoft Graph roles granted, by value, such as {@code Directory.ReadWrite.All}. */
  String[] grantedRoles() default {};

  /** The backup app's service principal: ENABLED, DISABLED or NOT_FOUND. */
  AppPresence servicePrincipal() default AppPresence.ENABLED;

  /** The collection page size, 1 to 999. */
  int pageSize() default 100;

  /** Whether requests the fake does not serve are answered 501 and fail the test. */
  boolean strict() default true;
}
