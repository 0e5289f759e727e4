package io.github.b2cpermissions;

/** How a Microsoft Graph permission is granted to an app. */
public enum PermissionType {
  /**
   * An application permission (an app role of the Microsoft Graph service principal): the app acts
   * as itself, with no signed-in user, and a tenant administrator must consent. Backups run this way.
   */
  APPLICATION,
  /** A delegated permission (an OAuth2 scope): the app acts on behalf of a signed-in user. */
  DELEGATED
}
