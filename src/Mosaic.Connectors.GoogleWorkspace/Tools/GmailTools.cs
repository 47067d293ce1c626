using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.GoogleWorkspace.Tools;

[McpServerToolType]
public sealed class GmailTools(GoogleClient google, GoogleSettings settings)
{
    private const int BodyChars = 4000;

    /// <summary>The headers a listing shows, without the body.</summary>
    internal static readonly string MetadataFormat =
        "format=metadata&" + string.Join('&', new[] { "Subject", "From", "To", "Cc", "Date" }.Select(h => $"metadataHeaders={h}"));

    [McpServerTool(Name = "list_messages", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Gmail messages matching a Gmail search, newest first: subject, from, to, date, snippet, labels (unread, important), Gmail "
            + "link; the text body and attachment names on request."
    )]
    public async Task<CallToolResult> ListMessages(
        [Description(
            "Gmail search, as in the Gmail search box: e.g. \"from:jo@example.com is:unread\", \"subject:invoice newer_than:7d\", "
                + "\"#1042\". Empty lists the newest mail."
        )]
            string? query = null,
        [Description(
            "Include each message's plain-text body (clipped to 4000 characters) and attachment names. Default false: metadata and "
                + "snippet only."
        )]
            bool include_body = false,
        [Description("Cursor from a previous call's next_cursor.")] string? cursor = null,
        [Description("Maximum messages to return (default 10, max 50).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        var scope = Cursor.Scope("messages", query);
        var (pageToken, skip) = PageCursor.Decode(cursor, scope);
        var take = Paging.Limit(limit, 10, 50);
        var gmail = settings.Endpoints.Gmail;
        var list = await google.GetAsync(
            "Gmail",
            $"{gmail}/users/me/messages?"
                + PageCursor.Query(
                    ("q", query),
                    ("maxResults", (take + skip).ToString(CultureInfo.InvariantCulture)),
                    ("pageToken", pageToken)
                ),
            cancellationToken
        );
        // Gmail leaves "messages" out entirely when nothing matches.
        var ids = (list["messages"]?.AsArray() ?? []).Skip(skip).Take(take).Select(m => m!["id"]!.GetValue<string>()).ToList();

        var messages = new MessageInfo[ids.Count];
        var format = include_body ? "format=full" : MetadataFormat;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 5, CancellationToken = cancellationToken },
            async (i, ct) =>
                messages[i] = ToMessage(
                    await google.GetAsync("Gmail", $"{gmail}/users/me/messages/{Uri.EscapeDataString(ids[i])}?{format}", ct),
                    include_body,
                    settings.Endpoints
                )
        );

        var next = list["nextPageToken"]?.GetValue<string>();
        var estimate = list["resultSizeEstimate"]?.GetValue<int>();
        return ToolResults.List(
            messages,
            new ListShape<MessageInfo>
            {
                ItemsName = "messages",
                TypeInfo = GoogleJson.Default.MessageInfo,
                MoreUpstream = next is not null,
                NextCursor = kept => PageCursor.Next(scope, pageToken, skip, kept, messages.Length, next),
                Extra = new JsonObject { ["result_size_estimate"] = estimate },
            },
            messages.Length == 0
                ? $"No messages match{(string.IsNullOrWhiteSpace(query) ? "" : $" \"{query}\"")}."
                : $"{messages.Length} message(s), newest first{(string.IsNullOrWhiteSpace(query) ? "" : $", matching \"{query}\"")}"
        );
    }

    internal static MessageInfo ToMessage(JsonObject m, bool includeBody, GoogleEndpoints endpoints)
    {
        var payload = m["payload"];
        var headers = (payload?["headers"]?.AsArray() ?? []).ToLookup(
            h => h!["name"]!.GetValue<string>(),
            h => h!["value"]?.GetValue<string>(),
            StringComparer.OrdinalIgnoreCase
        );
        string? Header(string name) => headers[name].FirstOrDefault();
        var labels = (m["labelIds"]?.AsArray() ?? []).Select(l => l!.GetValue<string>()).ToArray();
        var attachments = GmailBodies.Attachments(payload).ToArray();
        var id = m["id"]!.GetValue<string>();
        return new MessageInfo(
            id,
            m["threadId"]?.GetValue<string>() ?? id,
            Header("Subject"),
            Header("From"),
            Header("To"),
            Header("Cc"),
            Header("Date"),
            WebUtility.HtmlDecode(m["snippet"]?.GetValue<string>() ?? ""),
            labels,
            labels.Contains("UNREAD"),
            labels.Contains("IMPORTANT"),
            attachments.Length == 0 ? null : attachments,
            includeBody ? TextClip.Clip(GmailBodies.Text(payload), BodyChars) : null,
            endpoints.MailLink(id)
        );
    }
}
