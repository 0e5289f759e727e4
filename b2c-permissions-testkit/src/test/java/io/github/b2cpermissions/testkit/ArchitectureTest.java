package io.github.b2cpermissions.testkit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.b2cpermissions.buildsupport.ArchitectureRules;

/** The project's architecture rules, applied to this module's main code. */
@AnalyzeClasses(packages = "io.github.b2cpermissions.testkit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /**
   * No cycle between any two packages: the public route table hands the server its rows as
   * internal values, and the tenant maps its consent outcome onto the server's own answer, so
   * nothing in {@code internal} names a facade type.
   */
  @ArchTest
  static final ArchRule noCycleBetweenPackages = ArchitectureRules.NO_PACKAGE_CYCLES;

  @ArchTest
  static final ArchRule noInternalTypeInAPublicSignature =
      ArchitectureRules.NO_INTERNAL_TYPE_IN_PUBLIC_SIGNATURES;

  @ArchTest
  static final ArchRule dependsOnNoVerifier =
      ArchitectureRules.independentOf(
          "io.github.b2cpermissions.testkit..",
          "io.github.b2cpermissions.graph..",
          "io.github.b2cpermissions.examples..",
          "io.github.b2cpermissions.benchmarks..");
}
