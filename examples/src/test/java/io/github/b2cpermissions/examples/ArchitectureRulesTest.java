package io.github.b2cpermissions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.github.b2cpermissions.buildsupport.ArchitectureRules;
import io.github.b2cpermissions.examples.archfixture.Clean;
import io.github.b2cpermissions.examples.archfixture.Leaky;
import io.github.b2cpermissions.examples.archfixture.internal.Hidden;
import org.junit.jupiter.api.Test;

/** The shared architecture rules catch what they are for (checked once, here). */
class ArchitectureRulesTest {
  private static final JavaClasses FIXTURE = new ClassFileImporter().importClasses(Leaky.class, Clean.class, Hidden.class);

  @Test
  void anInternalTypeInAPublicSignatureIsReported() {
    EvaluationResult result = ArchitectureRules.NO_INTERNAL_TYPE_IN_PUBLIC_SIGNATURES.evaluate(FIXTURE);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("Leaky.hidden()") && d.contains(Hidden.class.getName()))
        .noneMatch(d -> d.contains("Clean"));
  }

  @Test
  void aCycleBetweenPackagesIsReported() {
    EvaluationResult result = ArchitectureRules.NO_PACKAGE_CYCLES.evaluate(FIXTURE);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains(Leaky.class.getName()) && d.contains(Hidden.class.getName()));
  }
}
