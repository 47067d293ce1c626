using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Http;

namespace Mosaic.Connectors.Jira;

/// <summary>
/// A thin Jira REST v3 client. Reads are GETs (retried on 429/5xx, honouring Retry-After); writes are
/// POST/PUT and never retried. Failures become "Jira says: …" tool errors with Jira's own messages.
/// </summary>
public sealed class JiraClient(HttpClient http)
{
    public async Task<JsonElement> GetAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        if (!response.IsSuccessStatusCode)
            throw await ErrorAsync(response, ct);
        return await ReadAsync(response, ct);
    }

    /// <summary>POST or PUT; returns the body, or an empty object for 204.</summary>
    public async Task<JsonElement> WriteAsync(HttpMethod method, string path, JsonObject body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ErrorAsync(response, ct);
            // Field errors ("summary: You must specify a summary of the issue.") are the caller's to fix: say so.
            throw error.Status == 400
                ? new UpstreamException("Jira", 400, null, error.Reason.TrimEnd('.') + ". Correct the field(s) named and try again")
                : error;
        }
        return await ReadAsync(response, ct);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
            return JsonDocument.Parse("{}").RootElement.Clone();
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            // An HTML login page or proxy error instead of JSON usually means JIRA_URL points at the wrong place.
            throw new UpstreamException(
                "Jira",
                (int)response.StatusCode,
                null,
                "the answer was not JSON; check that JIRA_URL is the site's base URL (https://your-site.atlassian.net)"
            );
        }
    }

    /// <summary>
    /// Jira puts general messages in errorMessages and per-field ones in errors ({"summary":"You must specify…"});
    /// a 400 often has only the latter, so both are read.
    /// </summary>
    private static async Task<UpstreamException> ErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var reason = JiraReason(body)
            ?? UpstreamResponses.Parse(body).Reason
            ?? response.ReasonPhrase
            ?? $"HTTP {(int)response.StatusCode}";
        return new UpstreamException("Jira", (int)response.StatusCode, null, reason, RetryAfter.From(response));
    }

    private static string? JiraReason(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return null;
            var parts = new List<string>();
            if (root.TryGetProperty("errorMessages", out var messages) && messages.ValueKind == JsonValueKind.Array)
                parts.AddRange(messages.EnumerateArray().Select(m => m.GetString()).OfType<string>().Where(m => m.Length > 0));
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                parts.AddRange(
                    errors
                        .EnumerateObject()
                        .Select(e =>
                            $"{e.Name}: {(e.Value.ValueKind == JsonValueKind.String ? e.Value.GetString() : e.Value.GetRawText())}"
                        )
                );
            return parts.Count > 0 ? string.Join("; ", parts) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Q(string value) => Uri.EscapeDataString(value);
}
