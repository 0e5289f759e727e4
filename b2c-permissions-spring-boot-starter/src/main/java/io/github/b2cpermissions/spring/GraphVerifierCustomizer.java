package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.graph.GraphPermissionVerifierBuilder;

/**
 * Adjusts the builder of the auto-configured verifier after the starter has applied the {@code
 * b2c-permissions.*} properties: for settings that have no property, such as an HTTP client with a
 * proxy or a private trust store, a retry listener or an executor. Define one or more as beans;
 * they run in their {@code @Order}.
 */
@FunctionalInterface
public interface GraphVerifierCustomizer {

  /**
   * Adjusts {@code builder}; called once, before the verifier is built.
   *
   * @param builder the builder, with the properties already applied
   */
  void customize(GraphPermissionVerifierBuilder builder);
}
