package io.github.b2cpermissions.testkit.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WireMock's side of the fake: one request filter that hands every stub request to the {@link
 * Dispatcher} (WireMock never matches a stub) and writes the reply, connection faults included.
 * The {@link FastPathServer} uses it only for the connection faults, through {@link #PENDING}.
 */
final class WireMockFilter implements StubRequestFilterV2 {
  /** A reply the fast path computed and hands to WireMock for a connection fault. */
  static final ThreadLocal<Reply> PENDING = new ThreadLocal<>();

  private final Dispatcher dispatcher;

  WireMockFilter(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public String getName() {
    return "b2c-permissions-fake-graph";
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    Reply pending = PENDING.get();
    if (pending != null) {
      return RequestFilterAction.stopWith(definition(pending));
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      headers.put(h.key(), h.values());
    }
    byte[] body = request.getBody();
    Exchange ex = new Exchange(request.getMethod().getName(), request.getUrl(), headers, body == null ? new byte[0] : body, false);
    return RequestFilterAction.stopWith(definition(dispatcher.handleSafely(ex)));
  }

  private static ResponseDefinition definition(Reply reply) {
    ResponseDefinitionBuilder b = new ResponseDefinitionBuilder();
    if (reply.transportFault == FaultPlan.Kind.RESET) {
      b.withFault(Fault.CONNECTION_RESET_BY_PEER);
    } else if (reply.transportFault == FaultPlan.Kind.EMPTY) {
      b.withFault(Fault.EMPTY_RESPONSE);
    } else {
      b.withStatus(reply.status);
      for (Map.Entry<String, String> h : reply.headers.entrySet()) {
        b.withHeader(h.getKey(), h.getValue());
      }
      if (reply.body.length > 0) {
        b.withBody(reply.body);
      }
    }
    if (reply.delayMillis > 0) {
      b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, reply.delayMillis));
    }
    return b.build();
  }

  @Override
  public boolean applyToAdmin() {
    return false;
  }

  @Override
  public boolean applyToStubs() {
    return true;
  }
}
