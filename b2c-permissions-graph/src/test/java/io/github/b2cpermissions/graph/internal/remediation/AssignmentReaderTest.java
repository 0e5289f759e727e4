package io.github.b2cpermissions.graph.internal.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.remediation.PlannedAssignment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * The granter's re-read of the app's assignments, page by page, on answers an OkHttp interceptor
 * gives without any network: a live match is found on any page, a deleted one is not, and paging
 * that never ends is refused as unreadable instead of read forever.
 */
class AssignmentReaderTest {
  private static final HttpUrl ROOT = HttpUrl.get("https://graph.test/v1.0/");
  private static final GraphPermission ROLE = GraphPermission.USER_READ_ALL;
  private static final PlannedAssignment PLANNED = new PlannedAssignment(ROLE, ROLE.appRoleId(),
      "backup-sp", "graph-sp");

  private final List<String> requested = new CopyOnWriteArrayList<>();

  private AssignmentReader reader(Function<HttpUrl, String> pages) {
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(chain -> {
      Request r = chain.request();
      requested.add(r.url().toString());
      return new Response.Builder().request(r).protocol(Protocol.HTTP_1_1).code(200).message("OK")
          .body(ResponseBody.create(pages.apply(r.url()), MediaType.get("application/json"))).build();
    }).build();
    return new AssignmentReader(new GrantHttp(client, ROOT));
  }

  private static String page(String items, String nextLink) {
    return "{\"value\":[" + items + "]" + (nextLink == null ? "" : ",\"@odata.nextLink\":\"" + nextLink + "\"") + "}";
  }

  private static String assignment(String id, String deleted) {
    return "{\"id\":\"" + id + "\",\"appRoleId\":\"" + ROLE.appRoleId() + "\",\"resourceId\":\"GRAPH-SP\","
        + "\"deletedDateTime\":" + (deleted == null ? "null" : "\"" + deleted + "\"") + "}";
  }

  private static int pageNumber(HttpUrl url) {
    String token = url.queryParameter("$skiptoken");
    return token == null ? 1 : Integer.parseInt(token);
  }

  @Test
  void aLiveAssignmentOnTheThirdPageIsFoundAndTheReadStopsThere() {
    AssignmentReader.Found found = reader(url -> switch (pageNumber(url)) {
      case 1 -> page(assignment("deleted-one", "2026-01-01T00:00:00Z"), ROOT + "servicePrincipals/backup-sp/appRoleAssignments?$skiptoken=2");
      case 2 -> page("", ROOT + "servicePrincipals/backup-sp/appRoleAssignments?$skiptoken=3");
      default -> page(assignment("live-one", null), ROOT + "servicePrincipals/backup-sp/appRoleAssignments?$skiptoken=4");
    }).find(PLANNED, "token");
    assertThat(found).isEqualTo(new AssignmentReader.Found(true, "live-one", null));
    assertThat(requested).hasSize(3);
    assertThat(requested.get(0)).contains("servicePrincipals/backup-sp/appRoleAssignments", "$top=999");
  }

  @Test
  void onlyADeletedMatchMeansReadableAndAbsent() {
    AssignmentReader.Found found = reader(url -> page(assignment("gone", "2026-01-01T00:00:00Z"), null))
        .find(PLANNED, "token");
    assertThat(found).isEqualTo(new AssignmentReader.Found(true, null, null));
  }

  @Test
  void pagingThatNeverEndsIsUnreadableAfterAThousandPages() {
    AssignmentReader.Found found = reader(url -> page("",
        ROOT + "servicePrincipals/backup-sp/appRoleAssignments?$skiptoken=" + (pageNumber(url) + 1)))
        .find(PLANNED, "token");
    assertThat(found.readable()).isFalse();
    assertThat(found.assignmentId()).isNull();
    assertThat(found.problem()).isEqualTo("the paging of assignments loops");
    assertThat(requested).hasSize(1_000);
  }

  @Test
  void aNextLinkSeenBeforeIsALoop() {
    AssignmentReader.Found found = reader(url -> page("",
        ROOT + "servicePrincipals/backup-sp/appRoleAssignments?$skiptoken=2")).find(PLANNED, "token");
    assertThat(found.readable()).isFalse();
    assertThat(requested).hasSize(2);
  }

  @Test
  void aNextLinkToAnotherHostIsNotFollowedWithTheToken() {
    AssignmentReader.Found found = reader(url -> page("",
        "https://attacker.example/v1.0/servicePrincipals/backup-sp/appRoleAssignments?$skiptoken=2"))
        .find(PLANNED, "token");
    assertThat(found.readable()).isFalse();
    assertThat(found.problem()).contains("leaves the Graph endpoint");
    assertThat(requested).hasSize(1);
  }

  @Test
  void aRefusedPageIsUnreadableWithItsStatus() {
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(chain -> new Response.Builder()
        .request(chain.request()).protocol(Protocol.HTTP_1_1).code(403).message("Forbidden")
        .body(ResponseBody.create("{\"error\":{\"code\":\"Authorization_RequestDenied\"}}",
            MediaType.get("application/json"))).build()).build();
    AssignmentReader.Found found = new AssignmentReader(new GrantHttp(client, ROOT)).find(PLANNED, "token");
    assertThat(found.readable()).isFalse();
    assertThat(found.problem()).isEqualTo("HTTP 403 Authorization_RequestDenied");
  }
}
