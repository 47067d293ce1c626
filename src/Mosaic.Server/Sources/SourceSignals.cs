using System.Globalization;
using System.Text.RegularExpressions;

namespace Mosaic.Server.Sources;

/// <summary>One hint that a question is for a source, with its weight (0–1) and why, for the plan's reasoning.</summary>
public sealed record Signal(string Source, double Weight, string Why);

/// <summary>
/// Words pointing at a source. Weights were tuned on the question table in the tests: near 1 means "this names the
/// source", 0.3–0.5 "this is the kind of thing it holds". <see cref="Why"/> explains a match ({0} = the word).
/// </summary>
public sealed record WordSignal(double Weight, IReadOnlyList<string> Words, string Why = "mentions \"{0}\"");

/// <summary>What in a question points at which built-in source, and how the hints add up.</summary>
public static partial class SourceSignals
{
    /// <summary>Every signal the question carries for one source: the items it names, then its words.</summary>
    public static IEnumerable<Signal> Find(IBuiltInSource source, string query, HashSet<string> words)
    {
        foreach (var s in source.Entities(query))
            yield return s;
        foreach (var group in source.Words)
        foreach (var w in group.Words.Where(words.Contains).Take(2))
            yield return new(source.Definition.Id, group.Weight, string.Format(CultureInfo.InvariantCulture, group.Why, w));
    }

    public static HashSet<string> Tokenize(string text) => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet();

    /// <summary>Combines independent signals: 1 − Π(1 − w), so two weak hints beat one, and nothing reaches 1.</summary>
    public static double Combine(IEnumerable<double> weights) =>
        Math.Round(Math.Min(0.99, 1 - weights.Aggregate(1.0, (acc, w) => acc * (1 - Math.Clamp(w, 0, 0.99)))), 2);

    [GeneratedRegex(@"[a-z0-9][a-z0-9'\-:]*")]
    private static partial Regex WordPattern();
}
