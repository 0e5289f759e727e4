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
   * The server in {@code internal} still names two enums of the public vocabulary, {@link
   * FakeRoute} (the route table) and {@link AdminConsentOutcome}: the one edge left from {@code
   * internal} back to the facade, ignored here by name so that any other edge fails. Moving
   * both enums to a package of their own below the facade removes it (a public API change).
   */
  @ArchTest
  static final ArchRule noCycleBetweenPackages =
      ArchitectureRules.noPackageCyclesExceptInternalsUsing(FakeRoute.class, AdminConsentOutcome.class);

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
