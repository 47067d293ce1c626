using System.Text.RegularExpressions;

namespace Mosaic.Server.Agent;

/// <summary>The markdown links of an answer: where its facts can be checked.</summary>
public static partial class AnswerLinks
{
    public static IReadOnlyList<SourceLink> From(string markdown, int max = 20) =>
        Link()
            .Matches(markdown)
            .Select(m => new SourceLink(m.Groups["t"].Value, m.Groups["u"].Value))
            .DistinctBy(l => l.Url)
            .Take(max)
            .ToList();

    [GeneratedRegex(@"\[(?<t>[^\]]+)\]\((?<u>https?://[^)\s]+)\)")]
    private static partial Regex Link();
}
