package io.github.b2cpermissions.testkit.internal;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import wiremock.jakarta.servlet.AsyncContext;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * WireMock's Jetty server with one handler in front of WireMock's own: it routes each request to
 * the fake and writes ordinary replies straight to the response, skipping WireMock's per-request
 * stub machinery (which costs about as much again as the fake itself). Replies that need one of
 * WireMock's connection faults are handed to WireMock, whose request filter picks them up on the
 * same thread ({@link WireMockFilter}). Built against the Jetty that {@code wiremock-standalone} 3.13
 * shades; {@link GraphServer} falls back to the plain filter path if these classes do not link (another WireMock
 * version on the classpath).
 */
final class FastPathServer extends Jetty11HttpServer {
  /** Writes delayed replies when their latency has passed (daemon threads, shared by all fakes). */
  private static final ScheduledExecutorService DELAYS = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "fake-graph-latency");
    t.setDaemon(true);
    return t;
  });
  private final Dispatcher dispatcher;

  private FastPathServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs, Dispatcher dispatcher) {
    super(options, admin, stubs);
    this.dispatcher = dispatcher;
  }

  /** The factory WireMock calls to build its HTTP server. */
  static HttpServerFactory factory(Dispatcher dispatcher) {
    return new HttpServerFactory() {
      @Override
      public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        return new FastPathServer(options, admin, stubs, dispatcher);
      }
    };
  }

  @Override
  protected Handler createHandler(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
    Handler wireMock = super.createHandler(options, admin, stubs);
    HandlerWrapper front =
        new HandlerWrapper() {
          @Override
          public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
              throws IOException, ServletException {
            Exchange ex = exchange(request);
            Reply reply = dispatcher.handleSafely(ex);
            if (reply.transportFault != null) {
              WireMockFilter.PENDING.set(reply);
              try {
                super.handle(target, base, request, response);
              } finally {
                WireMockFilter.PENDING.remove();
              }
              return;
            }
            base.setHandled(true);
            if (reply.delayMillis > 0) {
              // The latency holds no server thread: the reply is written when it is due.
              AsyncContext async = request.startAsync();
              async.setTimeout(0);
              DELAYS.schedule(() -> {
                try {
                  write(reply, response);
                } catch (IOException | RuntimeException e) {
                  // The client went away while the reply was delayed.
                } finally {
                  async.complete();
                }
              }, reply.delayMillis, TimeUnit.MILLISECONDS);
              return;
            }
            write(reply, response);
          }
        };
    front.setHandler(wireMock);
    return front;
  }

  private static void write(Reply reply, HttpServletResponse response) throws IOException {
    response.setStatus(reply.status);
    for (Map.Entry<String, String> h : reply.headers.entrySet()) {
      response.setHeader(h.getKey(), h.getValue());
    }
    response.setContentLength(reply.body.length);
    if (reply.body.length > 0) {
      response.getOutputStream().write(reply.body);
    }
  }

  private static Exchange exchange(HttpServletRequest request) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    byte[] body = request.getInputStream().readAllBytes();
    String query = request.getQueryString();
    String uri = request.getRequestURI();
    return new Exchange(request.getMethod(), query == null ? uri : uri + "?" + query, headers, body, false);
  }
}
