using System.Text;
using System.Text.Json;

namespace Mosaic.Sandbox.Infrastructure;

/// <summary>
/// A request's arguments merged from the query string and a form or JSON body, the way Slack's Web API and the OAuth token
/// endpoints accept them; plus the credentials those endpoints read from headers.
/// </summary>
public static class RequestArgs
{
    public static async Task<Dictionary<string, string>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var args = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var (k, v) in form)
                args[k] = v.ToString();
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                    foreach (var p in doc.RootElement.EnumerateObject())
                        args[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
            catch (JsonException)
            { /* a body that is not JSON carries no arguments: the endpoint then names what is missing */
            }
        }
        return args;
    }

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, or null.</summary>
    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    /// <summary>Client credentials from HTTP Basic (preferred by the providers) or else the client_id/client_secret arguments.</summary>
    public static (string? Id, string? Secret) Client(HttpRequest request, IReadOnlyDictionary<string, string> args)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':');
                if (colon > 0)
                    return (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
            }
            catch (FormatException)
            { /* not Basic after all: fall back to the arguments */
            }
        }
        return (args.GetValueOrDefault("client_id"), args.GetValueOrDefault("client_secret"));
    }
}
