using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Mosaic.Server.Connectors;
using Mosaic.Server.Infrastructure;

namespace Mosaic.Server.Chat;

/// <summary>Body of POST /api/chat/message and /api/chat/message/stream (docs/architecture.md#single-source-chat).</summary>
public sealed record ChatMessageRequest(string Message, string Datasource, string? SessionId = null)
{
    /// <summary>The 400 to answer with, or null when the request can be asked.</summary>
    public ValidationProblemDetails? Validate(ChatSettings settings, SourceRegistry registry)
    {
        var errors = new ValidationErrors();
        QuestionRules.CheckText(errors, "message", Message, settings.MaxMessageChars);
        var source = registry.Find(Datasource ?? "");
        if (source is null)
            errors.Add("datasource", $"Unknown datasource '{Datasource}'.");
        else if (!source.Enabled)
            errors.Add("datasource", $"{source.Name} is disabled on this server.");
        QuestionRules.CheckSessionId(errors, SessionId);
        return errors.Problem("The chat request is not valid");
    }
}

/// <summary>The checks a chat message and an agent query share.</summary>
public static class QuestionRules
{
    /// <param name="field">The request's name for the text ("message", "query"), also how the messages call it.</param>
    public static void CheckText(ValidationErrors errors, string field, string? text, int maxChars)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            errors.Add(field, $"Ask something: the {field} is empty.");
        else if (trimmed.Length > maxChars)
            errors.Add(field, $"The {field} is longer than {maxChars} characters.");
    }

    public static void CheckSessionId(ValidationErrors errors, string? sessionId)
    {
        if (sessionId is not null && !SessionIds.IsValid(sessionId))
            errors.Add("session_id", "A session id is 1-100 letters, digits, '-' or '_'.");
    }
}

public sealed record ChatSource(string Datasource, string Tool, JsonElement Arguments, bool Success);

/// <summary>Answer of POST /api/chat/message.</summary>
public sealed record ChatMessageResponse(string Response, string SessionId, IReadOnlyList<ChatSource> Sources, ChatMetadata? Metadata);

public sealed record ApprovalRequest(bool Approved);

public sealed record ApprovalResponse(string ApprovalId, string Status);

public sealed record ChatSessionResponse(string Id, string Datasource, string Title, IReadOnlyList<ChatSessionMessage> Messages);

public sealed record ProviderResponse(string Provider, string Model, string? FastModel, bool Offline, string Label);

public static partial class SessionIds
{
    /// <summary>Client-chosen ids are allowed (the UI may mint them) but kept to a safe alphabet and the column's size.</summary>
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    public static string New() => Guid.NewGuid().ToString();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex Pattern();
}
