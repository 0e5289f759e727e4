package io.github.b2cpermissions.buildsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The architecture rules every module with main code checks, written once. Each module's {@code
 * ArchitectureTest} lists them with {@code @ArchTest}; this folder is added to each of those
 * modules' test sources by its pom, so no test artifact is published for it.
 */
public final class ArchitectureRules {
  /** Where implementation lives; nothing in it is part of the public API. */
  public static final String INTERNAL = "..internal..";

  /** No package depends on itself through other packages. */
  public static final ArchRule NO_PACKAGE_CYCLES = noPackageCycles();

  /**
   * A public type outside {@code internal} packages names no {@code internal} type in what a user
   * sees of it: its supertypes and its public or protected fields, constructors and methods
   * (parameters, results, type arguments and declared exceptions).
   */
  public static final ArchRule NO_INTERNAL_TYPE_IN_PUBLIC_SIGNATURES =
      classes().that(arePublicApi()).should(exposeNoInternalType());

  private ArchitectureRules() {}

  private static ArchRule noPackageCycles() {
    return slices().matching("io.github.(**)").should().beFreeOfCycles();
  }

  /**
   * Main code of {@code packageOfThisModule} depends on no class in these packages.
   *
   * @param packageOfThisModule such as {@code io.github.b2cpermissions.graph..}
   * @param forbidden package patterns such as {@code io.github.b2cpermissions.testkit..}
   * @return the rule
   */
  public static ArchRule independentOf(String packageOfThisModule, String... forbidden) {
    return noClasses()
        .that()
        .resideInAPackage(packageOfThisModule)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden);
  }

  /** Public types outside internal packages whose enclosing types are public too. */
  public static DescribedPredicate<JavaClass> arePublicApi() {
    return DescribedPredicate.describe("are public API", ArchitectureRules::isPublicApi);
  }

  /** Whether a user can name this type: public, outside internal packages, all enclosing types public. */
  public static boolean isPublicApi(JavaClass c) {
    if (c.getPackageName().contains(".internal") || c.isAnonymousClass() || c.isLocalClass()) {
      return false;
    }
    Optional<JavaClass> k = Optional.of(c);
    while (k.isPresent()) {
      if (!k.get().getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
      k = k.get().getEnclosingClass();
    }
    return true;
  }

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("name no internal type in a public signature") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (String where : internalTypesInSignatures(c)) {
          events.add(SimpleConditionEvent.violated(c, where));
        }
      }
    };
  }

  private static List<String> internalTypesInSignatures(JavaClass c) {
    List<String> out = new ArrayList<>();
    c.getSuperclass().ifPresent(t -> check(t, c.getName() + " extends", out));
    for (JavaType t : c.getInterfaces()) {
      check(t, c.getName() + " implements", out);
    }
    for (JavaField f : c.getFields()) {
      if (visible(f)) {
        check(f.getType(), f.getFullName(), out);
      }
    }
    for (JavaCodeUnit u : c.getCodeUnits()) {
      if (!visible(u) || u.getModifiers().contains(JavaModifier.SYNTHETIC)) {
        continue;
      }
      check(u.getReturnType(), u.getFullName() + " returns", out);
      for (JavaType p : u.getParameterTypes()) {
        check(p, u.getFullName() + " takes", out);
      }
      for (JavaClass e : u.getThrowsClause().getTypes()) {
        check(e, u.getFullName() + " throws", out);
      }
    }
    return out;
  }

  private static boolean visible(JavaMember m) {
    return m.getModifiers().contains(JavaModifier.PUBLIC)
        || m.getModifiers().contains(JavaModifier.PROTECTED);
  }

  private static void check(JavaType type, String where, List<String> out) {
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      if (raw.getPackageName().contains(".internal")) {
        out.add(where + " " + raw.getName() + ", an internal type");
      }
    }
  }
}
