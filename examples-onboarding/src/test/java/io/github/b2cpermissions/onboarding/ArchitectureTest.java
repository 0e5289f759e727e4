package io.github.b2cpermissions.onboarding;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.b2cpermissions.buildsupport.ArchitectureRules;

/** The project's architecture rules, applied to this module's main code. */
@AnalyzeClasses(packages = "io.github.b2cpermissions.onboarding", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule noCycleBetweenPackages = ArchitectureRules.NO_PACKAGE_CYCLES;

  @ArchTest
  static final ArchRule noInternalTypeInAPublicSignature =
      ArchitectureRules.NO_INTERNAL_TYPE_IN_PUBLIC_SIGNATURES;
}
