using System.Text.Json;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.Common.Http;

/// <summary>Turns a failed HTTP response into an <see cref="UpstreamException"/> with the service's own reason.</summary>
public static class UpstreamResponses
{
    private const int MaxErrorBody = 8 * 1024;

    /// <summary>Returns normally on 2xx; otherwise reads the error body and throws <see cref="UpstreamException"/>.</summary>
    public static async Task EnsureUpstreamSuccessAsync(
        this HttpResponseMessage response,
        string service,
        CancellationToken cancellationToken
    )
    {
        if (response.IsSuccessStatusCode)
            return;
        throw await ToExceptionAsync(response, service, cancellationToken);
    }

    public static async Task<UpstreamException> ToExceptionAsync(
        HttpResponseMessage response,
        string service,
        CancellationToken cancellationToken
    )
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (body.Length > MaxErrorBody)
                body = body[..MaxErrorBody];
        }
        catch (HttpRequestException)
        {
            body = "";
        }
        var (code, reason) = Parse(body);
        reason ??= response.ReasonPhrase ?? $"HTTP {(int)response.StatusCode}";
        return new UpstreamException(service, (int)response.StatusCode, code, reason, RetryAfter.From(response));
    }

    /// <summary>Pulls (code, message) out of the common API error shapes: GitHub, Slack, Jira, Shopify, Google, S3-like JSON.</summary>
    public static (string? Code, string? Reason) Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return (null, null);
        try
        {
            using var doc = JsonDocument.Parse(body);
            return FromElement(doc.RootElement);
        }
        catch (JsonException)
        {
            var text = body.Trim();
            return (null, TextClip.Ellipsize(text, 301));
        }
    }

    private static (string? Code, string? Reason) FromElement(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return (null, Str(e));
        string? code = Str(e, "code") ?? Str(e, "status");
        string? reason = Str(e, "message") ?? Str(e, "error_description") ?? Str(e, "errorMessage");
        if (e.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.String)
                code ??= error.GetString(); // Slack: {"ok":false,"error":"not_in_channel"}
            else if (error.ValueKind == JsonValueKind.Object) // Google: {"error":{"code":404,"message":"...","status":"NOT_FOUND"}}
            {
                var (c, r) = FromElement(error);
                code ??= Str(error, "status") ?? c;
                reason ??= r;
            }
        }
        if (reason is null && e.TryGetProperty("errorMessages", out var jiraMessages) && jiraMessages.ValueKind == JsonValueKind.Array)
            reason = string.Join("; ", jiraMessages.EnumerateArray().Select(m => Str(m)).OfType<string>());
        if (reason is null && e.TryGetProperty("errors", out var errors))
            reason = errors.ValueKind switch
            {
                JsonValueKind.String => errors.GetString(),
                JsonValueKind.Array => string.Join("; ", errors.EnumerateArray().Select(x => Str(x, "message") ?? Str(x)).OfType<string>()),
                JsonValueKind.Object => string.Join(
                    "; ",
                    errors.EnumerateObject().Select(p => $"{p.Name}: {Str(p.Value) ?? p.Value.ToString()}")
                ),
                _ => null,
            };
        return (code, string.IsNullOrWhiteSpace(reason) ? null : reason);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? Str(v) : null;

    private static string? Str(JsonElement e) =>
        e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            _ => null,
        };
}
