using System.Text.Json.Nodes;

namespace Mosaic.Sandbox.Google.Drive;

/// <summary>
/// Google's partial-response <c>fields</c> syntax (<c>nextPageToken,files(id,name,owners(displayName))</c>,
/// <c>files/id</c>, <c>*</c>). Names Drive does not define are rejected like Drive does; names it defines
/// but the Sandbox does not fill are simply absent, as on files that lack them.
/// </summary>
public sealed class FieldSelection
{
    private static readonly HashSet<string> Known =
    [
        "kind",
        "nextPageToken",
        "incompleteSearch",
        "files",
        "id",
        "name",
        "mimeType",
        "description",
        "starred",
        "trashed",
        "parents",
        "webViewLink",
        "webContentLink",
        "iconLink",
        "thumbnailLink",
        "createdTime",
        "modifiedTime",
        "modifiedByMeTime",
        "viewedByMeTime",
        "owners",
        "lastModifyingUser",
        "shared",
        "ownedByMe",
        "size",
        "version",
        "displayName",
        "emailAddress",
        "me",
        "permissionId",
        "photoLink",
        "fileExtension",
        "fullFileExtension",
        "md5Checksum",
        "headRevisionId",
        "capabilities",
        "permissions",
        "sharingUser",
        "driveId",
        "spaces",
        "exportLinks",
        "originalFilename",
        "quotaBytesUsed",
        "explicitlyTrashed",
    ];

    private readonly Dictionary<string, FieldSelection?> _children = [];
    private bool _all;

    public static FieldSelection Parse(string fields)
    {
        var text = fields.Replace(" ", "");
        var pos = 0;
        var selection = ParseList(text, ref pos);
        if (pos != text.Length)
            throw new FormatException(text[pos..]);
        return selection;
    }

    private static FieldSelection ParseList(string text, ref int pos)
    {
        var selection = new FieldSelection();
        while (pos < text.Length && text[pos] != ')')
        {
            var start = pos;
            while (pos < text.Length && text[pos] is not (',' or '(' or ')'))
                pos++;
            var path = text[start..pos].Split('/');
            FieldSelection? child = null;
            if (pos < text.Length && text[pos] == '(')
            {
                pos++;
                child = ParseList(text, ref pos);
                if (pos >= text.Length || text[pos] != ')')
                    throw new FormatException(text[start..]);
                pos++;
            }
            // a/b/c is shorthand for a(b(c)).
            for (var i = path.Length - 1; i >= 1; i--)
            {
                var wrap = new FieldSelection();
                wrap.Add(path[i], child);
                child = wrap;
            }
            selection.Add(path[0], child);
            if (pos < text.Length && text[pos] == ',')
                pos++;
        }
        return selection;
    }

    private void Add(string name, FieldSelection? child)
    {
        if (name == "*")
        {
            _all = true;
            return;
        }
        if (!Known.Contains(name))
            throw new FormatException(name);
        _children[name] = child;
    }

    public JsonNode? Apply(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(Apply)]);
            case JsonObject obj when !_all:
                var result = new JsonObject();
                foreach (var (name, child) in _children)
                    if (obj.TryGetPropertyValue(name, out var value))
                        result[name] = child is null ? value?.DeepClone() : child.Apply(value);
                return result;
            default:
                return node?.DeepClone();
        }
    }
}
