package io.github.b2cpermissions.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft's Graph metadata as the conformance test reads it (test resources under
 * {@code graph-metadata/}, see the {@code SOURCES.md} there): the v1.0 CSDL, the beta name lists,
 * and the few facts about beta-only types that the beta lists do not carry (base types and the
 * types of beta-only navigation properties), stated here from Microsoft's beta reference pages.
 */
final class GraphMetadata {
  /** The msgraph-metadata commit the copied files come from. */
  static final String COMMIT = "f54f11b6";

  /** Base types of beta-only types (the beta lists have none); other types take the v1.0 CSDL's. */
  static final Map<String, String> BETA_BASE_TYPES =
      Map.of(
          "microsoft.graph.b2cIdentityUserFlow", "microsoft.graph.identityUserFlow",
          "microsoft.graph.identityProvider", "microsoft.graph.entity",
          "microsoft.graph.userFlowLanguageConfiguration", "microsoft.graph.entity");

  /** Types of beta-only navigation properties, by declaring type and name. */
  static final Map<String, String> BETA_NAVIGATION_TYPES =
      Map.of(
          "microsoft.graph.identityContainer/b2cUserFlows", "Collection(microsoft.graph.b2cIdentityUserFlow)",
          "microsoft.graph.b2cIdentityUserFlow/identityProviders", "Collection(microsoft.graph.identityProvider)",
          "microsoft.graph.b2cIdentityUserFlow/userFlowIdentityProviders", "Collection(microsoft.graph.identityProviderBase)",
          "microsoft.graph.b2cIdentityUserFlow/userAttributeAssignments", "Collection(microsoft.graph.identityUserFlowAttributeAssignment)",
          "microsoft.graph.b2cIdentityUserFlow/languages", "Collection(microsoft.graph.userFlowLanguageConfiguration)");

  private static volatile @Nullable GraphMetadata loaded;

  final CsdlModel v1;
  final BetaTypeLists beta;

  private GraphMetadata(CsdlModel v1, BetaTypeLists beta) {
    this.v1 = v1;
    this.beta = beta;
  }

  /** The metadata, read once per test JVM. */
  static GraphMetadata get() {
    GraphMetadata m = loaded;
    if (m == null) {
      synchronized (GraphMetadata.class) {
        m = loaded;
        if (m == null) {
          try (InputStream csdl = open("v1.0-Prod.csdl");
              InputStream et = open("beta-entity-types.json");
              InputStream ct = open("beta-complex-types.json")) {
            m = new GraphMetadata(CsdlModel.read(csdl), BetaTypeLists.read(et, ct));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          loaded = m;
        }
      }
    }
    return m;
  }

  private static InputStream open(String name) {
    InputStream in = GraphMetadata.class.getResourceAsStream("/graph-metadata/" + name);
    if (in == null) {
      throw new IllegalStateException("test resource graph-metadata/" + name + " is missing");
    }
    return in;
  }

  /** The base type of a type in beta: the stated one for beta-only types, else the v1.0 one. */
  @Nullable
  String betaBase(String type) {
    String b = BETA_BASE_TYPES.get(type);
    if (b != null) {
      return b;
    }
    CsdlModel.StructuredType t = v1.type(type);
    return t == null ? null : t.baseType();
  }
}
