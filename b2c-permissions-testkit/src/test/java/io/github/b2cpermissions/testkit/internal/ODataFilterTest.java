package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ODataFilterTest {
  static final List<String> PROPS = List.of("displayName", "accountEnabled", "identities", "otherMails", "createdDateTime");
  static final JsonNode USER =
      Json.parseOrThrow(
          "{\"displayName\":\"Alice O'Hara\",\"accountEnabled\":true,\"createdDateTime\":\"2024-05-01T00:00:00Z\",\"otherMails\":[\"a@example.com\"],"
              + "\"identities\":[{\"signInType\":\"emailAddress\",\"issuer\":\"c.onmicrosoft.com\",\"issuerAssignedId\":\"a@example.com\"}]}",
          "user");

  static boolean test(String filter) {
    return ODataFilter.parse(filter, PROPS, "User").test(USER);
  }

  @Test
  void comparesStringsIgnoringCaseWithEscapedQuotes() {
    assertThat(test("displayName eq 'alice o''hara'")).isTrue();
    assertThat(test("displayName ne 'Alice O''Hara'")).isFalse();
    assertThat(test("startswith(displayName,'ALI')")).isTrue();
    assertThat(test("startswith(displayName,'Bob')")).isFalse();
  }

  @Test
  void evaluatesBooleansDatesAndLogic() {
    assertThat(test("accountEnabled eq true")).isTrue();
    assertThat(test("accountEnabled eq false")).isFalse();
    assertThat(test("createdDateTime ge 2024-01-01T00:00:00Z and createdDateTime lt 2024-06-01T00:00:00Z")).isTrue();
    assertThat(test("not (accountEnabled eq true) or displayName eq 'x'")).isFalse();
  }

  @Test
  void lambdasLookInsideArrays() {
    assertThat(test("identities/any(c:c/issuerAssignedId eq 'A@example.com' and c/issuer eq 'c.onmicrosoft.com')")).isTrue();
    assertThat(test("identities/any(c:c/issuerAssignedId eq 'a@example.com' and c/issuer eq 'other')")).isFalse();
    assertThat(test("otherMails/any(m:m eq 'a@example.com')")).isTrue();
  }

  @Test
  void anUnquotedGuidIsALiteralEvenWhenItStartsWithALetter() {
    JsonNode assignment = Json.parseOrThrow("{\"resourceId\":\"b5e1c3f0-0000-4000-8000-00000000000a\"}", "assignment");
    assertThat(ODataFilter.parse("resourceId eq B5E1C3F0-0000-4000-8000-00000000000A", List.of("resourceId"), "AppRoleAssignment").test(assignment)).isTrue();
    assertThat(ODataFilter.parse("resourceId eq 15e1c3f0-0000-4000-8000-00000000000a", List.of("resourceId"), "AppRoleAssignment").test(assignment)).isFalse();
  }

  @Test
  void unknownPropertiesAndBadSyntaxAreRejectedWithGraphsWording() {
    assertThatThrownBy(() -> test("jobTitle eq 'x'"))
        .isInstanceOf(ODataFilter.Unsupported.class)
        .hasMessage("Unsupported or invalid query filter clause specified for property 'jobTitle' of resource 'User'.");
    assertThatThrownBy(() -> test("displayName eq 'x")).isInstanceOf(ODataFilter.Unsupported.class);
    assertThatThrownBy(() -> test("displayName eq 'x' extra")).isInstanceOf(ODataFilter.Unsupported.class);
    assertThatThrownBy(() -> test("contains(displayName,'x')")).isInstanceOf(ODataFilter.Unsupported.class);
  }
}
