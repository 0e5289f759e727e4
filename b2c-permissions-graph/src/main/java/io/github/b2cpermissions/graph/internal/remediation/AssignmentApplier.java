package io.github.b2cpermissions.graph.internal.remediation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.remediation.GrantStep;
import io.github.b2cpermissions.remediation.GrantStepStatus;
import io.github.b2cpermissions.remediation.PlannedAssignment;
import io.github.b2cpermissions.remediation.RemediationPlan;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a plan's assignments one request each ({@code POST
 * /servicePrincipals/{resource}/appRoleAssignedTo}) and reports every step.
 *
 * <ul>
 *   <li>A 2xx created the assignment. Graph's 400 for an assignment that already exists ("Permission
 *       being assigned already exists on the object") counts as done: {@link
 *       GrantStepStatus#ALREADY_PRESENT}.
 *   <li>Any other 4xx is a refusal, kept with Graph's status, code and message. A 401 or 403 would
 *       be the same for every step (the granting app lacks the privilege or its token is refused),
 *       so the steps after it are listed as {@link GrantStepStatus#NOT_ATTEMPTED}, not sent.
 *   <li>An unclear answer (none arrived, a 429 or a 5xx) is never followed by a blind resend: the
 *       principal's assignments are read again; a live assignment found there is the create's
 *       result, and only when the re-read shows none is one more create sent (a duplicate would be
 *       answered as already existing, so this cannot grant twice). If that is unclear too, or the
 *       re-read fails, the step is {@link GrantStepStatus#UNCONFIRMED}.
 * </ul>
 */
public final class AssignmentApplier {
  private static final Logger LOG = LoggerFactory.getLogger(AssignmentApplier.class);
  private static final int MAX_CREATES = 2;

  private final GrantHttp http;
  private final AssignmentReader reader;

  /**
   * Creates an applier.
   *
   * @param client an HTTP client that neither retries nor follows redirects by itself
   * @param graphEndpoint the cloud's Graph v1.0 endpoint, the only place requests go to
   */
  public AssignmentApplier(OkHttpClient client, URI graphEndpoint) {
    this.http = new GrantHttp(client, HttpUrl.get(graphEndpoint.toString() + "/"));
    this.reader = new AssignmentReader(http);
  }

  /** Applies every assignment of {@code plan} with {@code bearer}, in the plan's order. */
  public List<GrantStep> apply(RemediationPlan plan, String bearer) {
    List<GrantStep> steps = new ArrayList<>();
    String stop = null;
    for (PlannedAssignment a : plan.assignments()) {
      if (stop != null) {
        steps.add(GrantStep.notAttempted(a, stop));
        continue;
      }
      GrantStep step = grant(a, bearer);
      steps.add(step);
      if (step.status() == GrantStepStatus.REFUSED
          && (step.httpStatus() == 401 || step.httpStatus() == 403)) {
        stop = "not sent: the grant of " + a.role().value() + " was refused with HTTP "
            + step.httpStatus() + (step.graphCode() == null ? "" : " " + step.graphCode())
            + ", which every grant with this credential would get";
        LOG.warn("tenant {}: Graph refused to grant {} ({} {}); {} more grant(s) not sent",
            plan.tenantId(), a.role().value(), step.httpStatus(), step.graphCode(),
            plan.assignments().size() - steps.size());
      }
    }
    return steps;
  }

  private GrantStep grant(PlannedAssignment a, String bearer) {
    int creates = 0;
    boolean reread = false;
    String unclear = null;
    while (creates < MAX_CREATES) {
      GrantAnswer answer = http.post(
          "servicePrincipals/" + a.resourceId() + "/appRoleAssignedTo", body(a), bearer);
      creates++;
      if (!answer.unclear()) {
        return decided(a, answer, creates, reread);
      }
      unclear = answer.arrived() ? "HTTP " + answer.status()
          + (answer.errorCode() == null ? "" : " " + answer.errorCode()) : answer.failure();
      LOG.debug("grant of {}: unclear answer ({}); reading the assignments again", a.role().value(),
          unclear);
      reread = true;
      AssignmentReader.Found found = reader.find(a, bearer);
      if (found.assignmentId() != null) {
        return new GrantStep(a, GrantStepStatus.CREATED, found.assignmentId(), answer.status(),
            null, "the create's answer was unclear (" + unclear + "); a re-read found it created",
            creates, true);
      }
      if (!found.readable()) {
        return new GrantStep(a, GrantStepStatus.UNCONFIRMED, null, answer.status(),
            answer.errorCode(), "the create's answer was unclear (" + unclear
                + ") and the re-read failed (" + found.problem() + "); verify the tenant", creates,
            true);
      }
    }
    return new GrantStep(a, GrantStepStatus.UNCONFIRMED, null, 0, null,
        "the create's answer was unclear " + creates + " times (last: " + unclear
            + ") and a re-read found no assignment", creates, reread);
  }

  private static GrantStep decided(PlannedAssignment a, GrantAnswer answer, int creates,
      boolean reread) {
    if (answer.isSuccess()) {
      String id = answer.body().path("id").asText(null);
      return new GrantStep(a, GrantStepStatus.CREATED, id, answer.status(), null, null, creates,
          reread);
    }
    String message = answer.errorMessage();
    if (isDuplicate(answer.status(), message)) {
      return new GrantStep(a, GrantStepStatus.ALREADY_PRESENT, null, answer.status(),
          answer.errorCode(), message, creates, reread);
    }
    return new GrantStep(a, GrantStepStatus.REFUSED, null, answer.status(), answer.errorCode(),
        message == null ? "Graph refused the grant" : message, creates, reread);
  }

  /** Graph's answer to a create of an assignment that exists: a 400 saying it already exists. */
  static boolean isDuplicate(int status, @Nullable String message) {
    return (status == 400 || status == 409) && message != null
        && message.toLowerCase(Locale.ROOT).contains("already exists");
  }

  private static ObjectNode body(PlannedAssignment a) {
    ObjectNode o = GrantHttp.MAPPER.createObjectNode();
    o.put("principalId", a.principalId());
    o.put("resourceId", a.resourceId());
    o.put("appRoleId", a.appRoleId().toString());
    return o;
  }
}
