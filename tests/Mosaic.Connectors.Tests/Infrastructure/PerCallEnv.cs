using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Mosaic.Connectors.Common.Credentials;

namespace Mosaic.Connectors.Tests.Infrastructure;

/// <summary>
/// Per-call credential mode from the host's side: a connector environment split into what the shared process keeps
/// (operator settings, MOSAIC_CREDENTIALS=per-call) and what each call carries in <c>_meta["mosaic/credentials"]</c>.
/// </summary>
public static class PerCallEnv
{
    /// <summary>The shared process's environment: the operator part of <paramref name="env"/>, in per-call mode.</summary>
    public static Dictionary<string, string> ProcessEnv(IReadOnlyDictionary<string, string> env, params (string Name, string Value)[] extra)
    {
        var result = env.Where(p => CallCredentials.IsOperatorVariable(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        result[CallCredentials.ModeVariable] = CallCredentials.PerCallMode;
        foreach (var (name, value) in extra)
            result[name] = value;
        return result;
    }

    /// <summary>What one call carries: the credential part of <paramref name="env"/>.</summary>
    public static Dictionary<string, string> Credentials(IReadOnlyDictionary<string, string> env) =>
        env.Where(p => !CallCredentials.IsOperatorVariable(p.Key)).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Member <paramref name="n"/>'s credentials: each of <paramref name="tokenVariables"/> becomes its member token.</summary>
    public static Dictionary<string, string> Member(IReadOnlyDictionary<string, string> env, int n, params string[] tokenVariables)
    {
        var result = Credentials(env);
        foreach (var name in tokenVariables)
            result[name] = $"{result[name]}.member-{n}";
        return result;
    }

    public static Task<CallToolResult> CallAsync(
        McpClient client,
        IReadOnlyDictionary<string, string> credentials,
        string tool,
        object? args,
        CancellationToken cancellationToken
    )
    {
        var values = new JsonObject();
        foreach (var (name, value) in credentials)
            values[name] = value;
        var options = new RequestOptions { Meta = new JsonObject { [CallCredentials.MetaKey] = values } };
        return client
            .CallToolAsync(tool, ConnectorProcess.Arguments(args), options: options, cancellationToken: cancellationToken)
            .AsTask();
    }
}
