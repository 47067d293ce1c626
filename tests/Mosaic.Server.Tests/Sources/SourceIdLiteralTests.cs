using System.Text;
using System.Text.RegularExpressions;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Tests.Sources;

/// <summary>
/// A built-in source's id is written once, in its own Sources/&lt;Name&gt;/ folder; everything else uses its type's
/// Id constant. So adding or changing a source stays in one folder.
/// </summary>
public sealed partial class SourceIdLiteralTests
{
    private static readonly string ServerDir = Path.Combine(RepositoryRoot(), "src", "Mosaic.Server");

    /// <summary>Source id → its folder, from the types themselves (SlackSource lives in Sources/Slack/).</summary>
    private static readonly Dictionary<string, string> Homes = BuiltInSources.All.ToDictionary(
        s => s.Definition.Id,
        s => Path.Combine(ServerDir, "Sources", s.GetType().Namespace!.Split('.')[^1]) + Path.DirectorySeparatorChar
    );

    [Fact]
    public void Source_id_literals_appear_only_in_their_own_source_folder()
    {
        var offenders = new List<string>();
        foreach (
            var file in Directory
                .EnumerateFiles(ServerDir, "*.cs", SearchOption.AllDirectories)
                .Where(f =>
                    !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                )
        )
        {
            var code = WithoutComments(File.ReadAllText(file));
            foreach (var (id, home) in Homes.Where(h => !file.StartsWith(h.Value, StringComparison.Ordinal)))
                if (code.Contains($"\"{id}\"", StringComparison.Ordinal))
                    offenders.Add($"{Path.GetRelativePath(ServerDir, file)}: \"{id}\"");
        }
        Assert.True(offenders.Count == 0, "Use the source type's Id constant instead of:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_built_in_source_has_its_own_folder_and_the_check_sees_literals_outside_comments()
    {
        Assert.Equal(7, Homes.Values.Distinct().Count());
        Assert.All(Homes.Values, home => Assert.True(Directory.Exists(home), home));
        Assert.Contains("\"slack\"", WithoutComments("var s = \"slack\"; // \"jira\""));
        Assert.DoesNotContain("jira", WithoutComments("var s = \"http://x\"; // \"jira\"\n/* \"github\" */ /// <see cref=\"s3\"/>"));
        Assert.Contains("http://x", WithoutComments("var s = \"http://x\"; // \"jira\""));
        // A verbatim string ending in a backslash does not swallow what follows, so "//" in the next string is no comment.
        Assert.Contains("\"mysql\"", WithoutComments("var p = @\"C:\\\"; var u = \"http://x\"; var t = \"mysql\";"));
    }

    /// <summary>The code with // and /* */ comments removed, string and char literals kept as written.</summary>
    internal static string WithoutComments(string code)
    {
        var sb = new StringBuilder(code.Length);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            var next = i + 1 < code.Length ? code[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < code.Length && code[i] != '\n')
                    i++;
                sb.Append('\n');
            }
            else if (c == '/' && next == '*')
            {
                var end = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? code.Length : end + 1;
                sb.Append(' ');
            }
            else if (c is '"' or '\'')
            {
                var literal = Literal().Match(code, i);
                var length = literal.Success && literal.Index == i ? literal.Length : 1;
                sb.Append(code, i, length);
                i += length - 1;
            }
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    // A raw string ("""…"""), a verbatim one (@"…", "" inside), a regular one or a char literal (backslash escapes).
    [GeneratedRegex("\"{3,}[\\s\\S]*?\"{3,}|(?<=@|\\$@|@\\$)\"(?:[^\"]|\"\")*\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*'")]
    private static partial Regex Literal();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "Mosaic.slnx")))
            dir = dir.Parent!;
        return dir.FullName;
    }
}
