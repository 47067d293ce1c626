using System.Globalization;
using System.Text.RegularExpressions;

namespace Mosaic.Server.Llm.Offline;

/// <summary>
/// Pulls simple tool arguments out of a plain-language message without a model: key=value pairs, quoted
/// text, #channel, owner/repo, ABC-123 issue keys, project keys, s3:// URIs, "bucket x", "table y",
/// absolute paths, URLs, e-mails, "last 5". Used by the direct routing tier and by Offline mode; it only
/// fills parameters the tool's schema actually has.
/// </summary>
public static partial class ArgumentExtractor
{
    private static readonly string[] TextParams =
    [
        "query",
        "q",
        "search",
        "search_query",
        "text",
        "message",
        "content",
        "jql",
        "sql",
        "pattern",
        "keyword",
        "keywords",
        "term",
        "title",
        "summary",
        "name",
    ];
    private static readonly string[] ChannelParams = ["channel", "channel_id", "channel_name", "conversation"];
    private static readonly string[] RepoParams = ["repo", "repository", "repo_name", "full_name"];
    private static readonly string[] IssueKeyParams = ["issue_key", "issue", "key", "issue_id", "id"];
    private static readonly string[] ProjectParams = ["project", "project_key", "projectkey"];
    private static readonly string[] NumberParams = ["issue_number", "number", "pull_number", "pr_number", "order_number"];
    private static readonly string[] BucketParams = ["bucket", "bucket_name"];
    private static readonly string[] ObjectKeyParams = ["prefix", "key", "object_key", "path"];
    private static readonly string[] TableParams = ["table", "table_name"];
    private static readonly string[] PathParams = ["path", "directory", "dir", "file", "file_path", "filename"];
    private static readonly string[] LimitParams = ["limit", "count", "max_results", "per_page", "max", "n", "top"];
    private static readonly string[] UrlParams = ["url", "uri", "link"];
    private static readonly string[] EmailParams = ["email", "user_email", "user", "assignee"];

    // "the bucket", "from my table": filler words the noun patterns would otherwise take for names.
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the",
        "a",
        "an",
        "my",
        "our",
        "this",
        "that",
        "which",
        "each",
        "every",
        "all",
        "any",
        "some",
        "in",
        "of",
        "from",
        "to",
        "new",
    };

    public static Dictionary<string, object?> Extract(string message, ToolSchema schema)
    {
        var args = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var rest = message;

        foreach (Match m in KeyValue().Matches(message))
        {
            var p = schema.Find(m.Groups["k"].Value.Replace('-', '_'));
            if (p is null)
                continue;
            args[p.Name] = Convert(p, Unquote(m.Groups["v"].Value));
            rest = rest.Replace(m.Value, " ");
        }
        foreach (Match m in Quoted().Matches(rest))
            Fill(args, schema, TextParams, m.Groups["q"].Value);
        rest = Quoted().Replace(rest, " ");

        foreach (Match m in S3Uri().Matches(rest))
        {
            Fill(args, schema, BucketParams, m.Groups["b"].Value);
            if (m.Groups["k"].Length > 0)
                Fill(args, schema, ObjectKeyParams, m.Groups["k"].Value);
        }
        foreach (Match m in Url().Matches(rest))
            Fill(args, schema, UrlParams, m.Value);
        rest = Url().Replace(S3Uri().Replace(rest, " "), " ");

        foreach (Match m in AbsolutePath().Matches(rest))
            Fill(args, schema, PathParams, m.Groups["p"].Value);
        foreach (Match m in Email().Matches(rest))
            Fill(args, schema, EmailParams, m.Value);
        foreach (Match m in HashNumber().Matches(rest))
            Fill(args, schema, NumberParams, m.Groups["n"].Value);
        foreach (Match m in HashChannel().Matches(rest))
            Fill(args, schema, ChannelParams, m.Groups["c"].Value);
        foreach (Match m in IssueKey().Matches(rest))
            Fill(args, schema, IssueKeyParams, m.Value);
        foreach (Match m in OwnerRepo().Matches(rest))
        {
            if (schema.Find("owner") is not null && schema.Find("repo") is not null)
            {
                Fill(args, schema, ["owner"], m.Groups["o"].Value);
                Fill(args, schema, ["repo"], m.Groups["r"].Value);
            }
            else
                Fill(args, schema, RepoParams, m.Value);
        }
        foreach (Match m in Named("bucket", rest))
            Fill(args, schema, BucketParams, m.Groups["v"].Value);
        foreach (Match m in Named("table", rest))
            Fill(args, schema, TableParams, m.Groups["v"].Value);
        foreach (Match m in Named("project", rest))
            Fill(args, schema, ProjectParams, m.Groups["v"].Value);
        foreach (Match m in ProjectKey().Matches(IssueKey().Replace(rest, " ")))
            Fill(args, schema, ProjectParams, m.Value);
        foreach (Match m in Limit().Matches(rest))
            Fill(args, schema, LimitParams, m.Groups["n"].Value);

        FillEnums(args, schema, rest);
        FillRequiredNumbers(args, schema, rest);
        return args;
    }

    /// <summary>Sets the first schema parameter among <paramref name="names"/> that is still empty.</summary>
    private static void Fill(Dictionary<string, object?> args, ToolSchema schema, string[] names, string value)
    {
        if (StopWords.Contains(value))
            return;
        foreach (var name in names)
        {
            var p = schema.Find(name);
            if (p is null || args.ContainsKey(p.Name))
                continue;
            var converted = Convert(p, value);
            if (converted is null)
                continue;
            args[p.Name] = converted;
            return;
        }
    }

    private static void FillEnums(Dictionary<string, object?> args, ToolSchema schema, string text)
    {
        var words = Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet();
        foreach (var p in schema.Parameters.Where(p => p.Enum.Count > 0 && !args.ContainsKey(p.Name)))
        {
            var hit = p.Enum.FirstOrDefault(v => words.Contains(v.ToLowerInvariant()));
            if (hit is not null)
                args[p.Name] = hit;
        }
    }

    /// <summary>"add 2 and 3": bare numbers fill still-missing required numeric parameters in order.</summary>
    private static void FillRequiredNumbers(Dictionary<string, object?> args, ToolSchema schema, string text)
    {
        var numbers = new Queue<string>(BareNumber().Matches(text).Select(m => m.Value));
        foreach (var p in schema.Required.Where(p => p.IsNumeric && !args.ContainsKey(p.Name)))
        {
            if (numbers.Count == 0)
                break;
            args[p.Name] = Convert(p, numbers.Dequeue());
        }
    }

    private static object? Convert(ToolParameter p, string value) =>
        p.Type switch
        {
            "integer" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            "boolean" => bool.TryParse(value, out var b) ? b
            : value is "yes" or "1" ? true
            : value is "no" or "0" ? false
            : null,
            "array" => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => value,
        };

    private static string Unquote(string v) => v.Length >= 2 && (v[0] == '"' || v[0] == '\'') && v[^1] == v[0] ? v[1..^1] : v;

    [GeneratedRegex("""(?<k>[A-Za-z_][\w-]*)\s*=\s*(?<v>"[^"]*"|'[^']*'|\S+)""")]
    private static partial Regex KeyValue();

    [GeneratedRegex("""["“](?<q>[^"”]+)["”]|(?<=^|\s)'(?<q>[^']+)'(?=\s|$|[.,?!])""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"s3://(?<b>[a-z0-9][a-z0-9.\-]{1,62})(?:/(?<k>\S*))?")]
    private static partial Regex S3Uri();

    [GeneratedRegex(@"https?://[^\s)>\]]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<=^|\s)(?<p>/[\w.\-/]+)")]
    private static partial Regex AbsolutePath();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<=^|\s)#(?<n>\d+)\b")]
    private static partial Regex HashNumber();

    [GeneratedRegex(@"(?<=^|\s)#(?<c>[a-z0-9][\w\-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex HashChannel();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]{1,9}-\d+\b")]
    private static partial Regex IssueKey();

    [GeneratedRegex(@"(?<=^|\s)(?<o>[A-Za-z0-9][\w.\-]*)/(?<r>[A-Za-z0-9][\w.\-]*)(?=$|[\s,?!]|\.(?:\s|$))")]
    private static partial Regex OwnerRepo();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]{1,9}\b")]
    private static partial Regex ProjectKey();

    [GeneratedRegex(
        @"\b(?:last|top|first|latest|recent)\s+(?<n>\d{1,4})\b|"
            + @"\b(?<n>\d{1,4})\s+(?:items|results|rows|messages|issues|orders|events|files|objects|commits|records|entries)\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Limit();

    [GeneratedRegex(@"-?\b\d+(?:\.\d+)?\b")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"[\w-]+")]
    private static partial Regex Words();

    // "bucket logs" and "logs bucket" are separate patterns: as one alternation, "the table orders" would
    // match "the table" first (a stop word) and hide "table orders".
    private static readonly Dictionary<string, Regex[]> NamedPatterns = new()
    {
        ["bucket"] =
        [
            new(@"\bbucket\s+(?<v>[a-z0-9][a-z0-9.\-]{1,62})\b", RegexOptions.IgnoreCase),
            new(@"\b(?<v>[a-z0-9][a-z0-9.\-]{1,62})\s+bucket\b", RegexOptions.IgnoreCase),
        ],
        ["table"] =
        [
            new(@"\b(?:table|from)\s+`?(?<v>[A-Za-z_][\w.]*)`?", RegexOptions.IgnoreCase),
            new(@"\b(?<v>[A-Za-z_]\w*)\s+table\b", RegexOptions.IgnoreCase),
        ],
        ["project"] = [new(@"\bproject\s+(?<v>[A-Za-z][A-Za-z0-9]{1,9})\b", RegexOptions.IgnoreCase)],
    };

    private static IEnumerable<Match> Named(string noun, string text) => NamedPatterns[noun].SelectMany(r => r.Matches(text));
}
