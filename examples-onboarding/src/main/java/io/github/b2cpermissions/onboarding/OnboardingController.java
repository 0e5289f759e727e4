package io.github.b2cpermissions.onboarding;

import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.ConsentCallback;
import io.github.b2cpermissions.ConsentStateMismatchException;
import io.github.b2cpermissions.ConsentTenantMismatchException;
import io.github.b2cpermissions.ConsentUrlBuilder;
import io.github.b2cpermissions.PermissionVerifier;
import io.github.b2cpermissions.VerificationReport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The onboarding pages: connect (type the tenant), the redirect to the admin consent page, the
 * consent callback, and the report. The consent link's {@code state} lives in the browser's
 * session only; the callback accepts a redirect only with that state, and only once.
 */
@Controller
class OnboardingController {
  private static final Logger LOG = LoggerFactory.getLogger(OnboardingController.class);
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final ConsentUrlBuilder consentUrls;
  private final PermissionVerifier verifier;
  private final OnboardingProperties properties;

  OnboardingController(
      ConsentUrlBuilder consentUrls, PermissionVerifier verifier, OnboardingProperties properties) {
    this.consentUrls = consentUrls;
    this.verifier = verifier;
    this.properties = properties;
  }

  /** The "connect your tenant" page. */
  @GetMapping("/")
  String connectPage(Model model) {
    model.addAttribute("demoTenant", FakeTenantConfiguration.DEMO_DOMAIN);
    return "connect";
  }

  /**
   * Starts admin consent for the typed tenant: keeps a fresh state in the session and sends the
   * browser to the consent link. A tenant that is neither a GUID nor a domain shows the connect
   * page again with the reason.
   */
  @PostMapping("/connect")
  String connect(@RequestParam("tenant") String tenant, HttpSession session, Model model) {
    String typed = tenant.trim();
    AdminConsentRequest request;
    try {
      request = consentUrls.adminConsentUrl(typed);
    } catch (IllegalArgumentException e) {
      model.addAttribute("demoTenant", FakeTenantConfiguration.DEMO_DOMAIN);
      model.addAttribute("tenant", typed);
      model.addAttribute("error", "That is not a tenant id or domain: " + e.getMessage());
      return "connect";
    }
    session.setAttribute(PendingConsent.SESSION_KEY, new PendingConsent(typed, request.state()));
    LOG.info("Sending the administrator of {} to admin consent", typed);
    return "redirect:" + request.url();
  }

  /**
   * Where the consent page sends the administrator back. Checks the state against the session,
   * then, for a grant, waits until the tenant is satisfied (or the wait runs out) and shows the
   * report; for a declined or failed consent, shows what happened.
   */
  @GetMapping(OnboardingProperties.CALLBACK_PATH)
  String callback(HttpServletRequest request, HttpSession session, Model model) {
    PendingConsent pending = (PendingConsent) session.getAttribute(PendingConsent.SESSION_KEY);
    String query = request.getQueryString();
    if (pending == null || query == null) {
      throw new BadCallbackException(
          "No admin consent was started in this browser session, or it was already completed."
              + " Start again from the connect page.");
    }
    session.removeAttribute(PendingConsent.SESSION_KEY);
    ConsentCallback callback;
    try {
      callback = ConsentCallback.parse(query, pending.state(), expectedTenantId(pending.tenant()));
    } catch (ConsentStateMismatchException e) {
      LOG.warn("Refused a consent callback whose state does not match the session's");
      throw new BadCallbackException(
          "This consent response does not belong to the consent this browser started. Start again"
              + " from the connect page.");
    } catch (ConsentTenantMismatchException e) {
      throw new BadCallbackException(
          "Consent was given in another tenant than the one typed. Start again and sign in to the"
              + " tenant to connect.");
    } catch (IllegalArgumentException e) {
      throw new BadCallbackException("The consent response is malformed. Start again from the connect page.");
    }
    model.addAttribute("summary", callback.summary());
    model.addAttribute("tenant", pending.tenant());
    if (!callback.isGranted()) {
      model.addAttribute("status", callback.status().name());
      return "declined";
    }
    VerificationReport report;
    try {
      report = verifier.awaitSatisfied(pending.tenant(), properties.awaitTimeout());
    } catch (B2cPermissionsException e) {
      LOG.warn("Checking {} after consent failed: {}", pending.tenant(), e.toString());
      model.addAttribute("failure", e.getClass().getSimpleName());
      return "check-failed";
    }
    session.setAttribute(ReportView.SESSION_KEY, ReportView.of(report, callback.summary()));
    return "redirect:/report";
  }

  /** The last report of this session. */
  @GetMapping("/report")
  String report(HttpSession session, Model model) {
    ReportView view = (ReportView) session.getAttribute(ReportView.SESSION_KEY);
    if (view == null) {
      return "redirect:/";
    }
    model.addAttribute("report", view);
    return "report";
  }

  private static @Nullable String expectedTenantId(String typed) {
    return GUID.matcher(typed).matches() ? typed : null;
  }

  /** Shows a refused callback as a 400 page with the reason. */
  @ExceptionHandler(BadCallbackException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String badCallback(BadCallbackException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "bad-callback";
  }

  /** A callback that cannot be accepted; its message is written for the administrator. */
  static final class BadCallbackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadCallbackException(String message) {
      super(message);
    }
  }
}
