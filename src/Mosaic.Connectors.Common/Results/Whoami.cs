using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Common.Results;

/// <summary>
/// Builds the result of a <c>whoami</c> tool (docs/connectors.md#whoami): who the credentials act as, for a connection test
/// and for the digest, which recognises the user in a source by its <c>account</c>.
/// </summary>
public static class Whoami
{
    public const string ToolName = "whoami";

    /// <summary>
    /// <c>{ "identity": one line for a person, "account": the source's handle for the user, ...details }</c> and that line
    /// for a model. Null details are left out; details never carry a secret.
    /// </summary>
    public static CallToolResult Result(string identity, string account, JsonObject details)
    {
        var result = new JsonObject { ["identity"] = identity, ["account"] = account };
        foreach (var (key, value) in details)
            if (value is not null)
                result[key] = value.DeepClone();
        return ToolResults.Object(result, $"Signed in as {identity}");
    }

    /// <summary>
    /// Runs the lookup. A refusal by the service becomes a tool error with its own reason in one sentence
    /// ("Slack says: invalid_auth: …"); anything else (unreachable, timed out, egress refused) goes to the kit's filter.
    /// </summary>
    public static async Task<CallToolResult> RunAsync(Func<Task<CallToolResult>> lookup)
    {
        try
        {
            return await lookup();
        }
        catch (UpstreamException e)
        {
            return ToolErrors.Result(e.Sentence, e);
        }
    }
}
