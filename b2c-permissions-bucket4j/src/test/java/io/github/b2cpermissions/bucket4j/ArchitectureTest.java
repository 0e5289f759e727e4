package io.github.b2cpermissions.bucket4j;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.b2cpermissions.buildsupport.ArchitectureRules;

/** The project's architecture rules, applied to this module's main code. */
@AnalyzeClasses(packages = "io.github.b2cpermissions.bucket4j", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule noCycleBetweenPackages = ArchitectureRules.NO_PACKAGE_CYCLES;

  @ArchTest
  static final ArchRule noInternalTypeInAPublicSignature =
      ArchitectureRules.NO_INTERNAL_TYPE_IN_PUBLIC_SIGNATURES;

  /** An adapter of the API: it needs neither the Graph verifier nor test code. */
  @ArchTest
  static final ArchRule dependsOnTheApiOnly =
      ArchitectureRules.independentOf(
          "io.github.b2cpermissions.bucket4j..",
          "io.github.b2cpermissions.graph..",
          "io.github.b2cpermissions.testkit..",
          "io.github.b2cpermissions.examples..",
          "io.github.b2cpermissions.benchmarks..");
}
