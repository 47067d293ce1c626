using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol;
using ModelContextProtocol.Authentication;
using Mosaic.Server.Connectors;
using Mosaic.Server.Data;

namespace Mosaic.Server.OAuth.Mcp;

/// <summary>
/// Connect for remote MCP servers (<c>"auth": "oauth"</c>). The state is the SDK's; Mosaic keeps its SHA-256 in
/// <c>oauth_states</c>, bound to the user and the sign-in session, single use, 10 minutes — the checks the built-in
/// providers' flow makes. The flow itself lives in this replica's memory: a callback that reaches another replica
/// fails with <see cref="OAuthFailure.State"/> (run replicas with sticky sessions for /api/oauth, docs/oauth.md).
/// </summary>
internal sealed partial class McpOAuthConnector(
    McpOAuthClients clients,
    McpPendingFlows flows,
    McpTokenRows rows,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<McpOAuthConnector> log
) : IOAuthConnector
{
    public bool Handles(SourceDefinition source) => source.McpOAuth is not null && source.Url is not null;

    public async Task<Uri> StartAsync(OAuthStartRequest request, CancellationToken ct)
    {
        var source = request.Source;
        var flow = new McpPendingFlow(time, (f, c) => clients.ConnectAsync(source, request.RedirectUri, f.AskAsync, c));
        try
        {
            await Task.WhenAny(flow.AuthorizationUrl, flow.Completion).WaitAsync(TimeSpan.FromSeconds(60), ct);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            flow.Cancel();
            throw new OAuthFlowException(OAuthFailure.Unreachable, $"{source.Name} did not answer in time.", returnTo: request.ReturnTo);
        }
        if (!flow.AuthorizationUrl.IsCompleted)
        {
            var failure = flow.Completion.Exception?.GetBaseException();
            throw Failure(
                source,
                failure ?? new OAuthFlowException(OAuthFailure.Unavailable, $"{source.Name} is already usable: nothing to connect."),
                request.ReturnTo
            );
        }
        var url = await flow.AuthorizationUrl;
        var state = QueryHelpers.ParseQuery(url.Query).TryGetValue("state", out var s) ? s.ToString() : "";
        var now = time.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MosaicDbContext>();
            db.OAuthStates.Add(
                new OAuthState
                {
                    Id = Hash(state),
                    UserId = request.UserId,
                    SessionHash = Hash(request.SessionId),
                    Source = source.Id,
                    Data = JsonSerializer.Serialize(new { returnTo = request.ReturnTo, flow = McpTokenFields.Provider }),
                    CreatedAt = now,
                    ExpiresAt = now + McpPendingFlow.Lifetime,
                }
            );
            await db.SaveChangesAsync(ct);
        }
        flows.Add(Hash(state), flow);
        log.LogInformation("Connect started for {Datasource} by user {UserId}", source.Id, request.UserId);
        return url;
    }

    public async Task<OAuthConnected> CompleteAsync(OAuthCallbackRequest request, CancellationToken ct)
    {
        var source = request.Source;
        var query = request.Query;
        var state = query.GetValueOrDefault("state") ?? "";
        var returnTo = await ConsumeStateAsync(request, state, ct);
        var flow = flows.Take(Hash(state))
            ?? throw new OAuthFlowException(
                OAuthFailure.State,
                "This connection was started on another server or has expired; start it again.",
                returnTo: returnTo
            );
        if (query.GetValueOrDefault("error") is { } error)
        {
            flow.Cancel();
            throw error == "access_denied"
                ? new OAuthFlowException(OAuthFailure.Denied, $"You did not allow Mosaic to use {source.Name}.", returnTo: returnTo)
                : new OAuthFlowException(OAuthFailure.Provider, $"{source.Name} refused the authorization.", SafeCode(error), returnTo);
        }
        flow.Answer(
            new AuthorizationResult
            {
                Code = query.GetValueOrDefault("code"),
                State = state,
                Iss = query.GetValueOrDefault("iss"),
            }
        );
        TokenContainer tokens;
        Datasources.SourceIdentity? identity;
        try
        {
            (tokens, identity) = await flow.Completion.WaitAsync(TimeSpan.FromSeconds(60), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            flow.Cancel();
            throw Failure(source, e, returnTo);
        }
        await rows.SaveConnectionAsync(request.UserId, source.Id, tokens, identity, ct);
        log.LogInformation("Connected {Datasource} for user {UserId}", source.Id, request.UserId);
        return new OAuthConnected(identity?.Identity, returnTo);
    }

    /// <summary>The state row: it must exist, be this user's and this session's, for this source, and unexpired; it is
    /// deleted as it is used, so a replay finds nothing.</summary>
    async Task<string> ConsumeStateAsync(OAuthCallbackRequest request, string state, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MosaicDbContext>();
        var id = Hash(state);
        var row = state.Length == 0 ? null : await db.OAuthStates.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (row is null || row.UserId != request.UserId || row.SessionHash != Hash(request.SessionId) || row.Source != request.Source.Id)
            throw new OAuthFlowException(OAuthFailure.State, "This connection link is not yours or was already used; start again.");
        var returnTo = JsonDocument.Parse(row.Data ?? "{}").RootElement.TryGetProperty("returnTo", out var r) ? r.GetString() ?? "/" : "/";
        if (await db.OAuthStates.Where(s => s.Id == id).ExecuteDeleteAsync(ct) == 0 || row.ExpiresAt < time.GetUtcNow().UtcDateTime)
            throw new OAuthFlowException(
                OAuthFailure.State,
                "This connection link has expired or was already used; start again.",
                returnTo: returnTo
            );
        return returnTo;
    }

    /// <summary>What went wrong, in the UI's words; the SDK's messages may name URLs but never a token or code.</summary>
    OAuthFlowException Failure(SourceDefinition source, Exception e, string returnTo)
    {
        log.LogWarning("Connect for {Datasource} failed: {Error}", source.Id, e.GetType().Name);
        return e switch
        {
            OAuthFlowException f => new OAuthFlowException(f.Reason, f.Message, f.Code, returnTo),
            McpException m when m.Message.Contains("issuer", StringComparison.OrdinalIgnoreCase) => new OAuthFlowException(
                OAuthFailure.Verification,
                $"The answer did not come from {source.Name}'s authorization server (issuer mismatch); nothing was saved.",
                returnTo: returnTo
            ),
            HttpRequestException or TimeoutException => new OAuthFlowException(
                OAuthFailure.Unreachable,
                $"{source.Name} could not be reached.",
                returnTo: returnTo
            ),
            _ => new OAuthFlowException(OAuthFailure.Provider, $"{source.Name} refused the connection.", returnTo: returnTo),
        };
    }

    static string? SafeCode(string error) => CodePattern().IsMatch(error) ? error : null;

    [GeneratedRegex("^[a-z0-9_.-]{1,64}$")]
    private static partial Regex CodePattern();

    static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
