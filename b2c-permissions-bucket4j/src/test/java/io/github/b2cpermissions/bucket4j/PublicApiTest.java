package io.github.b2cpermissions.bucket4j;

import io.github.b2cpermissions.buildsupport.ApiListing;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** This module's public API is the one committed in {@code src/test/resources/api/public-api.txt}. */
class PublicApiTest {
  @Test
  void publicApiMatchesTheCommittedListing() throws Exception {
    ApiListing.check(Path.of("target", "classes"));
  }
}
