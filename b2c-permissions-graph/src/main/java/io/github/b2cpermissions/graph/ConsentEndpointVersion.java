package io.github.b2cpermissions.graph;

/**
 * Which Entra ID admin consent endpoint a consent link points at. Both grant the app every
 * application permission configured on its registration; they differ in the URL, in the special
 * tenant values they accept and in what the redirect carries.
 */
public enum ConsentEndpointVersion {

  /**
   * The original endpoint, {@code {authority}/{tenant}/adminconsent}. Accepts {@code common} as the
   * tenant (the administrator's own tenant is used), not {@code organizations}; the redirect
   * carries no {@code scope}.
   */
  V1,

  /**
   * The Microsoft identity platform endpoint, {@code {authority}/{tenant}/v2.0/adminconsent}, with
   * {@code scope={Graph host}/.default}. Accepts {@code organizations}, not {@code common}; the
   * redirect reports the granted {@code scope}. The default.
   */
  V2
}
