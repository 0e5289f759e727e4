package io.github.b2cpermissions.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.b2cpermissions.buildsupport.ArchitectureRules;

/** The project's architecture rules, applied to the starter's main code. */
@AnalyzeClasses(packages = "io.github.b2cpermissions.spring",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule noCycleBetweenPackages = ArchitectureRules.NO_PACKAGE_CYCLES;

  @ArchTest
  static final ArchRule noInternalTypeInAPublicSignature =
      ArchitectureRules.NO_INTERNAL_TYPE_IN_PUBLIC_SIGNATURES;

  @ArchTest
  static final ArchRule dependsOnNoTestCode =
      ArchitectureRules.independentOf(
          "io.github.b2cpermissions.spring..",
          "io.github.b2cpermissions.testkit..",
          "io.github.b2cpermissions.examples..",
          "io.github.b2cpermissions.benchmarks..");

  /** The starter is a user of the library like any other: its public API only. */
  @ArchTest
  static final ArchRule usesNoInternalTypeOfTheLibrary =
      noClasses().that().resideInAPackage("io.github.b2cpermissions.spring..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "io.github.b2cpermissions.internal..", "io.github.b2cpermissions.graph.internal..");
}
