package io.github.b2cpermissions.graph.internal.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.remediation.PlannedAssignment;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the principal's app role assignments again to learn whether one planned assignment exists:
 * what the granter does instead of resending a create whose answer it did not get.
 */
final class AssignmentReader {
  private static final String SELECT = "?$select=id,appRoleId,resourceId,deletedDateTime&$top=999";
  private static final int MAX_PAGES = 1_000;

  /**
   * What a re-read found.
   *
   * @param readable whether every page could be read
   * @param assignmentId the id of the live assignment, or null when there is none (or unreadable)
   * @param problem why the read failed, or null
   */
  record Found(boolean readable, @Nullable String assignmentId, @Nullable String problem) {}

  private final GrantHttp http;

  AssignmentReader(GrantHttp http) {
    this.http = http;
  }

  Found find(PlannedAssignment a, String bearer) {
    GrantAnswer page = http.get("servicePrincipals/" + a.principalId() + "/appRoleAssignments" + SELECT, bearer);
    Set<String> seen = new HashSet<>();
    for (int pages = 1; ; pages++) {
      if (!page.arrived() || !page.isSuccess()) {
        return new Found(false, null, page.arrived()
            ? "HTTP " + page.status() + (page.errorCode() == null ? "" : " " + page.errorCode())
            : page.failure());
      }
      JsonNode value = page.body().path("value");
      if (!value.isArray()) {
        return new Found(false, null, "the assignments answer has no value array");
      }
      for (JsonNode item : value) {
        JsonNode deleted = item.get("deletedDateTime");
        if (a.resourceId().equalsIgnoreCase(item.path("resourceId").asText(""))
            && a.appRoleId().toString().equalsIgnoreCase(item.path("appRoleId").asText(""))
            && (deleted == null || deleted.isNull())) {
          return new Found(true, item.path("id").asText(""), null);
        }
      }
      JsonNode next = page.body().get("@odata.nextLink");
      if (next == null || !next.isTextual()) {
        return new Found(true, null, null);
      }
      if (!seen.add(next.asText()) || pages >= MAX_PAGES) {
        return new Found(false, null, "the paging of assignments loops");
      }
      page = http.getLink(next.asText(), bearer);
    }
  }
}
