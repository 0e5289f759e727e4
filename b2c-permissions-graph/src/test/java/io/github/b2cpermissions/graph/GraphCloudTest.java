package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphCloudTest {

  private static final URI GRAPH = URI.create("https://graph.microsoft.com");
  private static final URI PRIVATE = URI.create("https://graph.contoso.internal:8443");

  @Test
  void nationalCloudsUseTheirOwnHosts() {
    assertThat(GraphCloud.GLOBAL.graphDefaultScope()).isEqualTo("https://graph.microsoft.com/.default");
    assertThat(GraphCloud.US_GOV_L4.authorityHost()).contains(URI.create("https://login.microsoftonline.us"));
    assertThat(GraphCloud.US_GOV_L4.graphHost()).isEqualTo(URI.create("https://graph.microsoft.us"));
    assertThat(GraphCloud.US_GOV_L5.graphHost()).isEqualTo(URI.create("https://dod-graph.microsoft.us"));
    assertThat(GraphCloud.CHINA.authorityHost()).contains(URI.create("https://login.chinacloudapi.cn"));
    assertThat(GraphCloud.CHINA.graphEndpoint())
        .isEqualTo(URI.create("https://microsoftgraph.chinacloudapi.cn/v1.0"));
  }

  @Test
  void nationalCloudsAreNotCustomAndExpectTheirGraphHostAsAudience() {
    for (GraphCloud c : List.of(GraphCloud.GLOBAL, GraphCloud.US_GOV_L4, GraphCloud.US_GOV_L5, GraphCloud.CHINA)) {
      assertThat(c.isCustom()).as(c.name()).isFalse();
      assertThat(c.tokenAudience()).as(c.name()).isEqualTo(c.graphHost());
      assertThat(c.graphDefaultScope()).isEqualTo(c.graphHost() + "/.default");
    }
  }

  @Test
  void customCloudIsNormalised() {
    GraphCloud c = GraphCloud.custom(URI.create("https://127.0.0.1:8443/"), URI.create("https://LOCALHOST:9443"));
    assertThat(c.authorityHost()).contains(URI.create("https://127.0.0.1:8443"));
    assertThat(c.graphEndpoint()).isEqualTo(URI.create("https://localhost:9443/v1.0"));
    assertThat(c.name()).isEqualTo("CUSTOM");
    assertThat(c.isCustom()).isTrue();
    assertThat(c.tokenAudience()).isEqualTo(URI.create("https://localhost:9443"));
  }

  @Test
  void customCloudNamedLikeANationalOneIsStillCustom() {
    GraphCloud copy = GraphCloud.from(GraphCloud.GLOBAL).build();
    assertThat(copy.isCustom()).isTrue();
    assertThat(copy.name()).isEqualTo("CUSTOM");
    assertThat(copy).isNotEqualTo(GraphCloud.GLOBAL);
    assertThat(copy.graphHost()).isEqualTo(GraphCloud.GLOBAL.graphHost());
    assertThat(copy.authorityHost()).isEqualTo(GraphCloud.GLOBAL.authorityHost());
  }

  @Test
  void privateEndpointDerivedFromGlobalKeepsGraphsAudienceAndScope() {
    GraphCloud c = GraphCloud.from(GraphCloud.GLOBAL).graphHost(PRIVATE).build();

    assertThat(c.graphEndpoint()).isEqualTo(URI.create(PRIVATE + "/v1.0"));
    assertThat(c.tokenAudience()).isEqualTo(GRAPH);
    assertThat(c.graphDefaultScope()).isEqualTo("https://graph.microsoft.com/.default");
    assertThat(c.authorityHost()).contains(URI.create("https://login.microsoftonline.com"));
    assertThat(c.isTokenAudience("https://graph.microsoft.com")).isTrue();
    assertThat(c.isTokenAudience(PRIVATE.toString())).isFalse();
  }

  @Test
  void customCloudAudienceDefaultsToTheGraphHostAndCanBeSet() {
    assertThat(GraphCloud.custom(PRIVATE).tokenAudience()).isEqualTo(PRIVATE);
    GraphCloud set = GraphCloud.builder().graphHost(PRIVATE).tokenAudience(URI.create("https://GRAPH.microsoft.com/")).build();
    assertThat(set.tokenAudience()).isEqualTo(GRAPH);
    assertThat(set.authorityHost()).isEmpty();
  }

  @Test
  void tokenAudienceIsComparedWithoutCaseWithOrWithoutSlashOrAsGraphsAppId() {
    GraphCloud c = GraphCloud.GLOBAL;
    assertThat(c.isTokenAudience("https://graph.microsoft.com")).isTrue();
    assertThat(c.isTokenAudience("https://graph.microsoft.com/")).isTrue();
    assertThat(c.isTokenAudience("HTTPS://GRAPH.MICROSOFT.COM")).isTrue();
    assertThat(c.isTokenAudience("00000003-0000-0000-c000-000000000000")).isTrue();
    assertThat(c.isTokenAudience("https://graph.microsoft.us")).isFalse();
    assertThat(c.isTokenAudience("https://graph.microsoft.com.evil.example")).isFalse();
    assertThat(c.isTokenAudience("https://management.azure.com")).isFalse();
    assertThat(c.isTokenAudience("")).isFalse();
    assertThatThrownBy(() -> c.isTokenAudience(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void graphOnlyCloudHasNoAuthorityHost() {
    GraphCloud c = GraphCloud.custom(PRIVATE);
    assertThat(c.authorityHost()).isEmpty();
    assertThat(c.isCustom()).isTrue();
    assertThat(c.toString()).contains("authorityHost=(none)").contains(PRIVATE.toString());
  }

  @Test
  void builderWithoutGraphHostFailsAtBuild() {
    GraphCloud.Builder b = GraphCloud.builder().authorityHost(URI.create("https://login.example"));
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("graphHost");
  }

  @Test
  void fromLeavesTheBaseUnchanged() {
    GraphCloud base = GraphCloud.custom(URI.create("https://a.example"), URI.create("https://g.example"));
    GraphCloud derived = GraphCloud.from(base).graphHost(PRIVATE).build();
    assertThat(base.graphHost()).isEqualTo(URI.create("https://g.example"));
    assertThat(derived.tokenAudience()).isEqualTo(URI.create("https://g.example"));
    assertThat(derived.authorityHost()).isEqualTo(base.authorityHost());
  }

  @Test
  void equalCloudsHaveEqualHashCodes() {
    GraphCloud a = GraphCloud.custom(URI.create("https://a.example"), URI.create("https://g.example"));
    GraphCloud b = GraphCloud.custom(URI.create("https://A.example/"), URI.create("https://g.example"));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(GraphCloud.custom(URI.create("https://g.example")));
    assertThat(a).isNotEqualTo(GraphCloud.from(a).tokenAudience(GRAPH).build());
    assertThat(a).isNotEqualTo(GraphCloud.from(a).graphHost(PRIVATE).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:1", "https://127.0.0.1:1/v1.0", "https://h/?q=1",
      "https://user@h", "https://h/#f", "ftp://h"})
  void customCloudRejectsAnythingButAnHttpsHost(String uri) {
    assertThatThrownBy(() -> GraphCloud.custom(URI.create(uri), URI.create("https://ok")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authorityHost");
    assertThatThrownBy(() -> GraphCloud.custom(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("graphHost");
    assertThatThrownBy(() -> GraphCloud.builder().tokenAudience(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenAudience");
  }
}
