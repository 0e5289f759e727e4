/**
 * The public API of b2c-permissions. {@link io.github.b2cpermissions.B2cBackupPermission} is the
 * typed catalog of the fourteen Microsoft Graph application permissions a backup app for Azure AD
 * B2C needs, and {@link io.github.b2cpermissions.BackupCapability} says which parts of a backup or
 * restore each permission unlocks. {@link io.github.b2cpermissions.PermissionVerifier} checks a
 * tenant against the catalog and answers with an immutable
 * {@link io.github.b2cpermissions.VerificationReport}; {@link
 * io.github.b2cpermissions.ConsentUrlBuilder} builds the admin consent link that closes the gap, and
 * {@link io.github.b2cpermissions.ConsentCallback} checks the redirect that comes back, explaining
 * Entra ID's error codes through {@link io.github.b2cpermissions.AadstsError}.
 * Every failure that cannot become a report is a {@link
 * io.github.b2cpermissions.B2cPermissionsException}. Nothing in this package accepts or returns
 * {@code null} unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.b2cpermissions;

import org.jspecify.annotations.NullMarked;
