using System.Threading.Channels;

namespace Mosaic.Server.Chat;

/// <summary>Who is asking which source, and where the turn's events go.</summary>
/// <param name="CredentialFields">The user's saved fields for the source (for parameter injection); null when none are saved.</param>
/// <param name="CanAskApproval">False for the non-streaming endpoint, which has no way to show an approval request.</param>
public sealed record ChatTurn(string UserId, string Datasource, IReadOnlyDictionary<string, string>? CredentialFields,
    bool CanAskApproval, ChannelWriter<ChatEvent> Events)
{
    public ValueTask EmitAsync(ChatEvent e, CancellationToken ct) => Events.WriteAsync(e, ct);
}
