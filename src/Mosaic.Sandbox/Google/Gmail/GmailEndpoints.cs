using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Google.Gmail;

namespace Mosaic.Sandbox.Google;

/// <summary>Gmail API v1: <c>users.getProfile</c>, <c>users.messages.list</c> (q, labelIds, paging) and
/// <c>users.messages.get</c> (minimal|metadata|full|raw).</summary>
public static class GmailEndpoints
{
    private static readonly string[] Scopes =
    [
        GoogleAuth.Gmail,
        "https://mail.google.com/",
        "https://www.googleapis.com/auth/gmail.modify",
    ];

    public static void MapGmailEndpoints(this RouteGroupBuilder google, GoogleGuard guard)
    {
        google.MapGet("/gmail/v1/users/{userId}/profile", (HttpRequest request, string userId) =>
        {
            if (guard.Check(request, "gmail.googleapis.com", Scopes) is { } denied)
                return denied;
            if (!IsMe(userId))
                return GoogleErrors.Forbidden($"Delegation denied for {userId}");
            return Results.Json(
                new JsonObject
                {
                    // A member token's mailbox is Alice's too, under a sub-address naming the member (alice+member-17@…).
                    ["emailAddress"] = guard.MemberOf(request) is > 0 and var member
                        ? AcmeCompany.Alice.Email.Replace("@", $"+member-{member}@", StringComparison.Ordinal)
                        : AcmeCompany.Alice.Email,
                    ["messagesTotal"] = GmailSeed.Messages.Count,
                    ["threadsTotal"] = GmailSeed.Messages.Select(m => m.ThreadId).Distinct().Count(),
                    ["historyId"] = "982134",
                }
            );
        });

        google.MapGet(
            "/gmail/v1/users/{userId}/messages",
            (HttpRequest request, string userId, string? q, string? pageToken, int? maxResults, bool? includeSpamTrash) =>
            {
                if (guard.Check(request, "gmail.googleapis.com", Scopes) is { } denied)
                    return denied;
                if (!IsMe(userId))
                    return GoogleErrors.Forbidden($"Delegation denied for {userId}");
                var labelIds = request.Query["labelIds"].Where(l => !string.IsNullOrEmpty(l)).ToArray();
                var now = guard.Now;
                var matches = GmailSeed
                    .Messages.Where(m => GmailSearch.Matches(m, includeSpamTrash == true ? $"in:anywhere {q}" : q, now))
                    .Where(m => labelIds.All(l => m.Labels.Contains(l!)))
                    .OrderByDescending(m => m.Date)
                    .Select(m => (JsonNode)new JsonObject { ["id"] = m.Id, ["threadId"] = m.ThreadId })
                    .ToList();
                if (!GoogleErrors.TryPage(matches, pageToken, Math.Clamp(maxResults ?? 100, 1, 500), out var page, out var next))
                    return GoogleErrors.InvalidValue("pageToken");
                // Like Gmail, an empty result has no "messages" member at all.
                var result = new JsonObject();
                if (page.Count > 0)
                    result["messages"] = new JsonArray([.. page]);
                if (next is not null)
                    result["nextPageToken"] = next;
                result["resultSizeEstimate"] = matches.Count;
                return Results.Json(result);
            }
        );

        google.MapGet("/gmail/v1/users/{userId}/messages/{id}", (HttpRequest request, string userId, string id, string? format) =>
        {
            if (guard.Check(request, "gmail.googleapis.com", Scopes) is { } denied)
                return denied;
            if (!IsMe(userId))
                return GoogleErrors.Forbidden($"Delegation denied for {userId}");
            if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[0-9a-f]{16}$"))
                return GoogleErrors.BadRequest("Invalid id value");
            var message = GmailSeed.Messages.FirstOrDefault(m => m.Id == id);
            if (message is null)
                return GoogleErrors.NotFound();
            var wanted = request.Query["metadataHeaders"].Where(h => !string.IsNullOrEmpty(h)).Select(h => h!).ToArray();
            return (format ?? "full") switch
            {
                "minimal" or "metadata" or "full" or "raw" => Results.Json(ToJson(message, format ?? "full", wanted)),
                _ => GoogleErrors.InvalidValue("format"),
            };
        });
    }

    private static bool IsMe(string userId) => userId == "me" || userId.Equals(AcmeCompany.Alice.Email, StringComparison.OrdinalIgnoreCase);

    private static JsonObject ToJson(GmailMessage m, string format, string[] metadataHeaders)
    {
        var json = new JsonObject
        {
            ["id"] = m.Id,
            ["threadId"] = m.ThreadId,
            ["labelIds"] = new JsonArray([.. m.Labels.Select(l => (JsonNode)l)]),
            ["snippet"] = WebUtility.HtmlEncode(Snippet(m.Body)),
            ["sizeEstimate"] = 2048 + m.Body.Length + (m.Attachment?.Size ?? 0),
            ["historyId"] = "982134",
            ["internalDate"] = m.Date.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var headers = Headers(m);
        switch (format)
        {
            case "metadata":
                var selected =
                    metadataHeaders.Length == 0
                        ? headers
                        : headers.Where(h => metadataHeaders.Contains(h.Name, StringComparer.OrdinalIgnoreCase));
                json["payload"] = new JsonObject
                {
                    ["partId"] = "",
                    ["mimeType"] = MimeType(m),
                    ["filename"] = "",
                    ["headers"] = HeaderArray(selected),
                };
                break;
            case "full":
                json["payload"] = Payload(m, headers);
                break;
            case "raw":
                var raw =
                    string.Join("\r\n", headers.Select(h => $"{h.Name}: {h.Value}"))
                    + "\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\n\r\n"
                    + m.Body;
                json["raw"] = Base64Url(raw);
                break;
        }
        return json;
    }

    private static string MimeType(GmailMessage m) => m.Attachment is null ? "multipart/alternative" : "multipart/mixed";

    private static JsonObject Payload(GmailMessage m, List<(string Name, string Value)> headers)
    {
        var html = "<div dir=\"ltr\">" + string.Join("<br>", WebUtility.HtmlEncode(m.Body).Split('\n')) + "</div>";
        var alternative = new JsonArray(Part("0", "text/plain", m.Body), Part("1", "text/html", html));
        var parts = alternative;
        if (m.Attachment is { } a)
        {
            var body = new JsonObject
            {
                ["partId"] = "0",
                ["mimeType"] = "multipart/alternative",
                ["filename"] = "",
                ["headers"] = HeaderArray([("Content-Type", "multipart/alternative; boundary=\"000000000000alt\"")]),
                ["body"] = new JsonObject { ["size"] = 0 },
                ["parts"] = alternative,
            };
            foreach (var p in alternative.OfType<JsonObject>())
                p["partId"] = "0." + p["partId"]!.GetValue<string>();
            parts = new JsonArray(
                body,
                new JsonObject
                {
                    ["partId"] = "1",
                    ["mimeType"] = a.MimeType,
                    ["filename"] = a.Name,
                    ["headers"] = HeaderArray([
                        ("Content-Type", $"{a.MimeType}; name=\"{a.Name}\""),
                        ("Content-Disposition", $"attachment; filename=\"{a.Name}\""),
                    ]),
                    ["body"] = new JsonObject { ["attachmentId"] = "ANGjdJ" + m.Id, ["size"] = a.Size },
                }
            );
        }
        return new JsonObject
        {
            ["partId"] = "",
            ["mimeType"] = MimeType(m),
            ["filename"] = "",
            ["headers"] = HeaderArray(headers),
            ["body"] = new JsonObject { ["size"] = 0 },
            ["parts"] = parts,
        };
    }

    private static JsonObject Part(string id, string mimeType, string content) =>
        new()
        {
            ["partId"] = id,
            ["mimeType"] = mimeType,
            ["filename"] = "",
            ["headers"] = HeaderArray([
                ("Content-Type", $"{mimeType}; charset=\"UTF-8\""),
                ("Content-Transfer-Encoding", "quoted-printable"),
            ]),
            ["body"] = new JsonObject { ["size"] = Encoding.UTF8.GetByteCount(content), ["data"] = Base64Url(content) },
        };

    private static List<(string Name, string Value)> Headers(GmailMessage m)
    {
        var list = new List<(string, string)>
        {
            ("Delivered-To", AcmeCompany.Alice.Email),
            ("MIME-Version", "1.0"),
            ("Date", m.Date.ToString("ddd, d MMM yyyy HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture)),
            ("Message-ID", $"<{m.Id}@mail.acme.test>"),
            ("Subject", m.Subject),
            ("From", m.From),
            ("To", m.To),
        };
        if (m.Cc is not null)
            list.Add(("Cc", m.Cc));
        list.Add(("Content-Type", $"{MimeType(m)}; boundary=\"000000000000{m.Id[..8]}\""));
        return list;
    }

    private static JsonArray HeaderArray(IEnumerable<(string Name, string Value)> headers) =>
        new([.. headers.Select(h => (JsonNode)new JsonObject { ["name"] = h.Name, ["value"] = h.Value })]);

    private static string Snippet(string body)
    {
        var flat = string.Join(' ', body.Split(['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 140 ? flat : flat[..140];
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
