using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Connectors.Common.Hosting;
using Polly;

namespace Mosaic.Connectors.Common.Http;

/// <summary>Typed HttpClient registration with the resilience every HTTP connector needs.</summary>
public static class UpstreamHttp
{
    /// <summary>Longest Retry-After we wait out inside one tool call; longer ones go back to the caller.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Registers <typeparamref name="TClient"/> (constructor takes an HttpClient) with: a 15 s attempt
    /// and 45 s total timeout; up to 3 retries with jittered backoff for transient failures (5xx, 408,
    /// 429, network) that honour Retry-After up to <see cref="MaxRetryAfter"/>; only GET/HEAD/OPTIONS
    /// are retried, never POST/PUT/PATCH/DELETE, so a write is never sent twice; a circuit breaker.
    /// Every connection, redirects included, goes through the connector's <see cref="EgressPolicy"/>.
    /// </summary>
    public static IHttpClientBuilder AddUpstreamHttpClient<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient
    >(this ConnectorBuilder builder, Action<HttpClient> configure)
        where TClient : class
    {
        var http = builder.Services.AddHttpClient<TClient>(client =>
        {
            client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue(builder.Info.ServerName, builder.Info.Version));
            client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            configure(client);
        });
        http.UseEgressPolicy();
        http.AddStandardResilienceHandler(ConfigureResilience);
        return http;
    }

    public static void ConfigureResilience(HttpStandardResilienceOptions o)
    {
        o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(15);
        o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(45);
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
        o.Retry.MaxRetryAttempts = 3;
        o.Retry.Delay = TimeSpan.FromMilliseconds(300);
        o.Retry.BackoffType = DelayBackoffType.Exponential;
        o.Retry.UseJitter = true;
        o.Retry.ShouldRetryAfterHeader = true;
        o.Retry.ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && !RetryAfterTooLong(args.Outcome.Result));
        // A refused address is the settings' fault, not the service's: neither retried nor counted against it.
        o.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome));
        // Wraps ShouldHandle: unsafe methods are never retried.
        o.Retry.DisableForUnsafeHttpMethods();
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome) && EgressRefusedException.Find(outcome.Exception) is null;

    /// <summary>A 429/503 asking for a long pause is returned at once so the tool can say "wait N s".</summary>
    private static bool RetryAfterTooLong(HttpResponseMessage? response) =>
        response is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable }
        && RetryAfter.From(response) is { } wait
        && wait > MaxRetryAfter;
}
