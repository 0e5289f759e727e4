package io.github.b2cpermissions.graph;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.b2cpermissions.buildsupport.ArchitectureRules;

/** The project's architecture rules, applied to this module's main code. */
@AnalyzeClasses(packages = "io.github.b2cpermissions.graph", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /**
   * The verifier's internals still take three public types of this package ({@link GraphCloud},
   * {@link GraphRetryPolicy}, {@link GraphRetryEvent}): the one edge from {@code internal} back to
   * the facade, ignored by name so that any other edge fails. The split of the verifier into
   * implementation packages by concern is the place to remove it.
   */
  @ArchTest
  static final ArchRule noCycleBetweenPackages =
      ArchitectureRules.noPackageCyclesExceptInternalsUsing(
          GraphCloud.class, GraphRetryPolicy.class, GraphRetryEvent.class);

  @ArchTest
  static final ArchRule noInternalTypeInAPublicSignature =
      ArchitectureRules.NO_INTERNAL_TYPE_IN_PUBLIC_SIGNATURES;

  @ArchTest
  static final ArchRule dependsOnNoTestCode =
      ArchitectureRules.independentOf(
          "io.github.b2cpermissions.graph..",
          "io.github.b2cpermissions.testkit..",
          "io.github.b2cpermissions.examples..",
          "io.github.b2cpermissions.benchmarks..");
}
