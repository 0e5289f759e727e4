package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Two callbacks are equal exactly when every reported field is; the state plays no part. */
class ConsentCallbackEqualityTest {

  private static final String STATE = "eq-state-0123456789";
  private static final String OTHER_STATE = "another-state-98765";
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String OTHER_TENANT = "0b5e3f2a-1c4d-4e6f-8a9b-0c1d2e3f4a5b";

  private static ConsentCallback parse(String query, String state) {
    return ConsentCallback.parse(query + "&state=" + state, state);
  }

  private static final String BASE_ERROR =
      "tenant=" + TENANT + "&scope=s&error=invalid_request&error_description=AADSTS90094:+x";

  @Test
  void callbacksFromTheSameAnswerAreEqualWithEqualHashCodesWhateverTheState() {
    ConsentCallback a = parse(BASE_ERROR, STATE);
    ConsentCallback b = parse(BASE_ERROR, OTHER_STATE);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isEqualTo(a);
    assertThat(a.equals(null)).isFalse();
    assertThat(a.equals(a.toString())).isFalse();
  }

  @Test
  void everyReportedFieldTakesPartInEquality() {
    ConsentCallback base = parse(BASE_ERROR, STATE);
    List<String> variants =
        List.of(
            // status: a declined answer instead of an error
            "tenant=" + TENANT + "&scope=s&error=invalid_request&error_description=AADSTS65004:+x",
            // tenant
            "tenant=" + OTHER_TENANT + "&scope=s&error=invalid_request&error_description=AADSTS90094:+x",
            // no tenant
            "scope=s&error=invalid_request&error_description=AADSTS90094:+x",
            // scope
            "tenant=" + TENANT + "&scope=t&error=invalid_request&error_description=AADSTS90094:+x",
            // error code
            "tenant=" + TENANT + "&scope=s&error=server_error&error_description=AADSTS90094:+x",
            // description text, same AADSTS code
            "tenant=" + TENANT + "&scope=s&error=invalid_request&error_description=AADSTS90094:+y",
            // AADSTS code
            "tenant=" + TENANT + "&scope=s&error=invalid_request&error_description=AADSTS90095:+x");

    for (String variant : variants) {
      ConsentCallback other = parse(variant, STATE);
      assertThat(other).as(variant).isNotEqualTo(base);
      assertThat(base).as(variant).isNotEqualTo(other);
      assertThat(other.hashCode()).as(variant).isNotEqualTo(base.hashCode());
    }
  }

  @Test
  void aGrantDiffersFromAnErrorOfTheSameTenant() {
    ConsentCallback granted = parse("admin_consent=True&tenant=" + TENANT, STATE);
    ConsentCallback grantedAgain = parse("admin_consent=True&tenant=" + TENANT, OTHER_STATE);
    ConsentCallback error = parse("tenant=" + TENANT + "&error=server_error", STATE);

    assertThat(granted).isEqualTo(grantedAgain).hasSameHashCodeAs(grantedAgain);
    assertThat(granted).isNotEqualTo(error);
  }
}
