package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphCloudTest {

  @Test
  void nationalCloudsUseTheirOwnHosts() {
    assertThat(GraphCloud.GLOBAL.graphDefaultScope()).isEqualTo("https://graph.microsoft.com/.default");
    assertThat(GraphCloud.US_GOV_L4.authorityHost()).isEqualTo(URI.create("https://login.microsoftonline.us"));
    assertThat(GraphCloud.US_GOV_L4.graphHost()).isEqualTo(URI.create("https://graph.microsoft.us"));
    assertThat(GraphCloud.US_GOV_L5.graphHost()).isEqualTo(URI.create("https://dod-graph.microsoft.us"));
    assertThat(GraphCloud.CHINA.authorityHost()).isEqualTo(URI.create("https://login.chinacloudapi.cn"));
    assertThat(GraphCloud.CHINA.graphEndpoint())
        .isEqualTo(URI.create("https://microsoftgraph.chinacloudapi.cn/v1.0"));
  }

  @Test
  void customCloudIsNormalised() {
    GraphCloud c = GraphCloud.custom(URI.create("https://127.0.0.1:8443/"), URI.create("https://LOCALHOST:9443"));
    assertThat(c.authorityHost()).isEqualTo(URI.create("https://127.0.0.1:8443"));
    assertThat(c.graphEndpoint()).isEqualTo(URI.create("https://localhost:9443/v1.0"));
    assertThat(c.name()).isEqualTo("CUSTOM");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:1", "https://127.0.0.1:1/v1.0", "https://h/?q=1",
      "https://user@h", "https://h/#f", "ftp://h"})
  void customCloudRejectsAnythingButAnHttpsHost(String uri) {
    assertThatThrownBy(() -> GraphCloud.custom(URI.create(uri), URI.create("https://ok")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authorityHost");
  }
}
