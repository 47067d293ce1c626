using System.Net;
using ModelContextProtocol;

namespace Mosaic.Connectors.Common.Errors;

/// <summary>
/// An error reported by the service behind a connector (Slack, S3, MySQL, ...). It derives from
/// <see cref="McpException"/> because the MCP SDK only forwards the message of that type to the
/// client; any other exception becomes a generic "an error occurred" that nobody can act on.
/// </summary>
public sealed class UpstreamException(
    string service,
    int? status,
    string? code,
    string reason,
    TimeSpan? retryAfter = null,
    Exception? inner = null,
    string? hint = null
) : McpException(UpstreamMessages.Format(service, status, code, reason, retryAfter, hint), inner)
{
    /// <summary>Display name of the service, e.g. "Slack".</summary>
    public string Service { get; } = service;

    /// <summary>HTTP status when there was one (Slack reports errors with 200 + ok:false).</summary>
    public int? Status { get; } = status;

    /// <summary>The service's own error code, e.g. "not_in_channel" or "NoSuchBucket".</summary>
    public string? Code { get; } = code;

    /// <summary>The service's explanation, without the hint.</summary>
    public string Reason { get; } = reason;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public HttpStatusCode? StatusCode => Status is { } s ? (HttpStatusCode)s : null;

    /// <summary>The service refused the credentials themselves (HTTP 401, or Slack's own codes for a dead token), not a
    /// permission: a fresh OAuth access token may help.</summary>
    public bool CredentialsRefused => Status == 401 || Code is "invalid_auth" or "token_expired" or "token_revoked" or "not_authed";

    /// <summary>
    /// Only what the service said, as one sentence ("Slack says: invalid_auth: …", "GitHub says: Bad credentials (HTTP 401)"):
    /// the first sentence of the reason, without the hint. For a connection test, where the person is already at the settings.
    /// </summary>
    public string Sentence => UpstreamMessages.Said(Service, Status, Code, UpstreamMessages.FirstSentence(Reason));
}
