package io.github.b2cpermissions.graph.stub;

import java.util.UUID;

/**
 * One app role on a tenant's Microsoft Graph service principal.
 *
 * @param id the role id
 * @param value the permission name, such as {@code User.Read.All}
 * @param enabled Graph's {@code isEnabled}
 */
public record StubAppRole(UUID id, String value, boolean enabled) {}
