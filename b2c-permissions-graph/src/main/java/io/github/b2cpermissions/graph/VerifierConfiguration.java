package io.github.b2cpermissions.graph;

import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.RequestBudget;
import io.github.b2cpermissions.TenantKind;
import java.util.Map;
import io.github.b2cpermissions.graph.internal.observe.CheckObserver;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.ConsentUrlBuilder;
import io.github.b2cpermissions.VerificationStrategy;
import java.time.Clock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * What a {@link GraphPermissionVerifierBuilder} hands the verifier it builds: the checked settings,
 * with the credential source already resolved, and the profile to verify each covered tenant kind
 * against, the observer of its checks (a no-op without an observation registry), and the request
 * budget with the throttle priority. An absent executor or HTTP client means the verifier
 * creates (and owns) its own.
 */
record VerifierConfiguration(
    String clientId,
    GraphCloud cloud,
    VerificationStrategy strategy,
    Function<String, TokenCredential> credentials,
    boolean passTenantId,
    String credentialDescription,
    GraphRetryPolicy retryPolicy,
    Duration requestTimeout,
    Optional<Executor> executor,
    int fleetConcurrency,
    int maxConcurrentRequests,
    Optional<OkHttpClient> httpClient,
    Optional<HttpClient> jdkHttpClient,
    Optional<ConsentUrlBuilder> consentUrlBuilder,
    Consumer<GraphRetryEvent> retryListener,
    Clock clock,
    int tenantCacheSize,
    Duration tenantCacheExpiry,
    Duration tokenConfirmationExpiry,
    Map<TenantKind, PermissionProfile> profiles,
    CheckObserver observer,
    RequestBudget requestBudget,
    boolean lowThrottlePriority) {}
