package io.github.b2cpermissions.spring;

import java.util.Collection;

/**
 * The tenants the scheduled fleet check verifies ({@code b2c-permissions.fleet.cron}): define one
 * as a bean, usually reading the product's own list of customer tenants. Asked at each run.
 */
@FunctionalInterface
public interface FleetTenantSource {

  /**
   * The tenant ids (GUIDs or domains) to check in this run.
   *
   * @return the tenant ids; may be empty
   */
  Collection<String> tenantIds();
}
