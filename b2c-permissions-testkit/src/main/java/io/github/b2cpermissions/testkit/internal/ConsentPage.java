package io.github.b2cpermissions.testkit.internal;

import java.util.Map;

/**
 * The admin consent prompt the fake shows when the tenant's {@link ConsentAnswer} is {@link
 * ConsentAnswer#ASK}: the app's name, the tenant, the roles the app asks for, and an Accept and a
 * Cancel button. Both buttons submit the same request again with {@value #ANSWER_PARAMETER} set to
 * {@value #ACCEPT} or {@value #CANCEL}, so the endpoint stays a plain {@code GET} route. Every value
 * written into the page is HTML-escaped.
 */
final class ConsentPage {
  /** The query parameter the page's buttons add to tell the endpoint what the admin chose. */
  static final String ANSWER_PARAMETER = "fake_admin_answer";

  /** The value of {@value #ANSWER_PARAMETER} sent by the Accept button. */
  static final String ACCEPT = "accept";

  /** The value of {@value #ANSWER_PARAMETER} sent by the Cancel button. */
  static final String CANCEL = "cancel";

  private ConsentPage() {}

  /**
   * The prompt for {@code app} in {@code tenant}, re-submitting {@code query} (the request's own
   * parameters) with the admin's answer.
   */
  static Reply render(AppRegistration app, TenantModel tenant, Map<String, String> query) {
    StringBuilder b = new StringBuilder(2048);
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Permissions requested</title><style>")
        .append("body{font-family:sans-serif;max-width:36em;margin:2em auto;color:#1b1b1b}")
        .append("li{font-family:monospace}button{font-size:1em;padding:.4em 1.4em;margin-right:1em}")
        .append("</style></head><body><h1>Permissions requested</h1>")
        .append("<p>Accept for your organization</p><p id=\"app\"><strong>")
        .append(Html.escape(app.displayName))
        .append("</strong> (")
        .append(Html.escape(app.clientId))
        .append(")</p><p id=\"tenant\">Tenant: ")
        .append(Html.escape(tenant.seed.domain))
        .append("</p><p>This app would like to:</p><ul id=\"roles\">");
    for (String role : app.requiredRoles) {
      b.append("<li>").append(Html.escape(role)).append("</li>");
    }
    b.append("</ul><p>Accepting grants these application permissions to the app for every user of")
        .append(" the organization. This is the fake Microsoft Graph of b2c-permissions' testkit.</p>")
        .append("<form method=\"get\">");
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (e.getKey().equals(ANSWER_PARAMETER)) {
        continue;
      }
      b.append("<input type=\"hidden\" name=\"")
          .append(Html.escape(e.getKey()))
          .append("\" value=\"")
          .append(Html.escape(e.getValue()))
          .append("\">");
    }
    b.append("<button type=\"submit\" id=\"accept\" name=\"").append(ANSWER_PARAMETER)
        .append("\" value=\"").append(ACCEPT).append("\">Accept</button>")
        .append("<button type=\"submit\" id=\"cancel\" name=\"").append(ANSWER_PARAMETER)
        .append("\" value=\"").append(CANCEL).append("\">Cancel</button>")
        .append("</form></body></html>");
    return Reply.html(200, b.toString());
  }
}
