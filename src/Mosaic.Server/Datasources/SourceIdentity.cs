using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Server.Datasources;

/// <summary>
/// Who a source's saved credentials act as, from its connector's <c>whoami</c> tool (docs/connectors.md#whoami):
/// <see cref="Identity"/> is the line a person reads ("Alice Chen (@alice) in Acme"), <see cref="Account"/> the source's
/// handle for the user ("U0ALICE01", a GitHub login), which the digest passes to <c>whats_new</c>. Never a secret.
/// Stored in <c>credentials.identity</c> (500 characters) as the small JSON object <c>{"identity": "…", "account": "…"}</c>.
/// </summary>
public sealed record SourceIdentity(
    [property: JsonPropertyName("identity")] string Identity,
    [property: JsonPropertyName("account")] string? Account
)
{
    public const int MaxStored = 500;

    // Letters as themselves: a name in another script must not grow six-fold into \uXXXX escapes and lose the column's room.
    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The identity in a whoami result, or null when it names nobody.</summary>
    public static SourceIdentity? FromWhoami(JsonElement? structured)
    {
        if (structured is not { ValueKind: JsonValueKind.Object } result)
            return null;
        var identity = Text(result, "identity");
        return identity is null ? null : new SourceIdentity(identity, Text(result, "account"));
    }

    /// <summary>The stored form, cut to fit: the line is shortened; an account too long to keep whole is left out (a cut
    /// handle would recognise the wrong person).</summary>
    public string ToStored()
    {
        var json = "";
        foreach (var account in new[] { Account is { Length: <= 150 } a ? a : null, null })
        foreach (var max in new[] { 300, 200, 100, 50 })
            if ((json = JsonSerializer.Serialize(new SourceIdentity(TextClip.Ellipsize(Identity, max), account), Json)).Length <= MaxStored)
                return json;
        return json; // unreachable: 50 characters fit even escaped
    }

    /// <summary>What <see cref="ToStored"/> wrote; a plain line (not JSON) is read as the identity alone.</summary>
    public static SourceIdentity? FromStored(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
            return null;
        try
        {
            return JsonSerializer.Deserialize<SourceIdentity>(stored, Json) is { Identity.Length: > 0 } identity ? identity : null;
        }
        catch (JsonException)
        {
            return new SourceIdentity(stored, null);
        }
    }

    static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s.Trim() : null;
}
