package io.github.b2cpermissions.examples.archfixture;

import io.github.b2cpermissions.examples.archfixture.internal.Hidden;

/** Fixture for {@code ArchitectureRulesTest}: a public type that uses an internal one privately. */
public class Clean {
  private final Hidden hidden = new Hidden();

  @Override
  public String toString() {
    return hidden.toString();
  }
}
