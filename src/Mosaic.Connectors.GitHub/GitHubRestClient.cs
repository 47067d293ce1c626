using System.Net;
using Mosaic.Connectors.Common.Errors;
using Octokit;
using Octokit.Internal;

namespace Mosaic.Connectors.GitHub;

/// <summary>
/// Octokit's connection to one GitHub API root, with the kit's resilient HTTP pipeline underneath and
/// GitHub's errors turned into tool errors a person can act on.
/// </summary>
public sealed class GitHubRestClient
{
    public const string Service = "GitHub";
    public const string HttpClientName = "github";
    private const string Accept = "application/vnd.github+json";

    private readonly Connection _connection;

    public GitHubRestClient(GitHubSettings settings, IHttpMessageHandlerFactory handlers)
    {
        // The Connection constructor uses the base address as given (GitHubClient's would rewrite it to /api/v3/).
        _connection = new Connection(
            new ProductHeaderValue("mosaic-github", typeof(GitHubRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"),
            settings.ApiUrl,
            new InMemoryCredentialStore(new Credentials(settings.Token)),
            new HttpClientAdapter(() => handlers.CreateHandler(HttpClientName)),
            new SimpleJsonSerializer()
        );
    }

    /// <summary>One page of a GitHub list endpoint, and whether its Link header names a next page.</summary>
    public async Task<(IReadOnlyList<T> Items, bool HasNext)> GetPageAsync<T>(
        string path,
        IDictionary<string, string> query,
        string what,
        CancellationToken cancellationToken
    )
    {
        var response = await CallAsync(() => _connection.Get<List<T>>(Relative(path), query, Accept, cancellationToken), what);
        return (response.Body ?? [], HasNext(response.HttpResponse));
    }

    public async Task<(T Body, bool HasNext)> GetWithLinksAsync<T>(
        string path,
        IDictionary<string, string>? query,
        string what,
        CancellationToken cancellationToken
    )
    {
        var response = await CallAsync(
            () => _connection.Get<T>(Relative(path), query ?? new Dictionary<string, string>(), Accept, cancellationToken),
            what
        );
        return (response.Body, HasNext(response.HttpResponse));
    }

    public async Task<T> GetAsync<T>(
        string path,
        string what,
        CancellationToken cancellationToken,
        IDictionary<string, string>? query = null
    ) => (await GetWithLinksAsync<T>(path, query, what, cancellationToken)).Body;

    private static bool HasNext(IResponse response) => response.ApiInfo?.Links?.ContainsKey("next") == true;

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private static async Task<IApiResponse<T>> CallAsync<T>(Func<Task<IApiResponse<T>>> call, string what)
    {
        try
        {
            return await call();
        }
        catch (ApiException ex)
        {
            throw Map(ex, what);
        }
    }

    /// <summary>GitHub's error → "GitHub says: …" with a hint (bad token, not found, rate limit and when it resets).</summary>
    public static UpstreamException Map(ApiException ex, string what)
    {
        var status = (int)ex.StatusCode;
        var message = ex.ApiError?.Message is { Length: > 0 } m ? m : ex.Message;
        var retryAfter = RetryAfterFrom(ex.HttpResponse);
        if (ex is RateLimitExceededException limit && status != 429)
        {
            // The primary hourly limit (403, remaining 0): say when it resets rather than "lacks permission".
            var wait = limit.Reset - DateTimeOffset.UtcNow;
            return new UpstreamException(
                Service,
                null,
                "rate_limited",
                $"{message} The limit resets at {limit.Reset.UtcDateTime:HH:mm} UTC (in "
                    + $"{Math.Max(1, Math.Ceiling(wait.TotalSeconds))} s); try again then",
                wait > TimeSpan.Zero ? wait : null,
                ex
            );
        }
        return status switch
        {
            (int)HttpStatusCode.NotFound => new UpstreamException(Service, status, null, $"{what} was not found ({message})", inner: ex),
            422 => new UpstreamException(Service, status, null, $"{message}{Details(ex)}", inner: ex),
            _ => new UpstreamException(Service, status, null, message, retryAfter, ex),
        };
    }

    private static string Details(ApiException ex) =>
        ex.ApiError?.Errors is { Count: > 0 } errors
            ? ": " + string.Join("; ", errors.Select(e => e.Message ?? $"{e.Field} {e.Code}"))
            : "";

    private static TimeSpan? RetryAfterFrom(IResponse? response)
    {
        if (response?.Headers is null)
            return null;
        foreach (var (name, value) in response.Headers)
            if (name.Equals("Retry-After", StringComparison.OrdinalIgnoreCase) && int.TryParse(value, out var seconds))
                return TimeSpan.FromSeconds(seconds);
        return null;
    }
}
