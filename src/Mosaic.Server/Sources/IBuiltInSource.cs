using System.Text.RegularExpressions;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.Sources;

/// <summary>
/// Everything the server knows about one built-in source, kept in that source's folder: its definition and
/// credential fields, what in a question points at it, its Offline plan, and how the UI shows it.
/// <see cref="BuiltInSources"/> lists them.
/// </summary>
public interface IBuiltInSource
{
    SourceDefinition Definition { get; }

    SourcePresentation Presentation { get; }

    /// <summary>Groups of words that point at this source, each with its weight.</summary>
    IReadOnlyList<WordSignal> Words { get; }

    /// <summary>Words that name the source itself ("slack"): searching its data for them finds nothing useful.</summary>
    IReadOnlyList<string> NameWords { get; }

    /// <summary>Patterns naming one of its items (an issue key, a channel): fetched by name, so kept out of full-text searches.</summary>
    IReadOnlyList<Regex> NamedItems => [];

    /// <summary>The items the question names that point here ("ACME-142", "#general", "order #1001").</summary>
    IEnumerable<Signal> Entities(string query) => [];

    /// <summary>How much naming a person the people directory knows points here; null: not at all.</summary>
    Signal? Person(string name) => null;

    /// <summary>Offline mode: the call that answers the question from this source; null: ask the question as it is.</summary>
    ValueTask<PlannedCall?> PlanOfflineAsync(OfflineQuestion question, CancellationToken ct);
}

/// <summary>How the UI shows a source.</summary>
/// <param name="Accent">The badge's background, a CSS colour.</param>
/// <param name="AccentDark">The badge's background in dark mode; null when it is the same.</param>
/// <param name="Examples">Questions for the empty chat, phrased with the words the source's keyword routes know.</param>
public sealed record SourcePresentation(string? Accent, string? AccentDark, IReadOnlyList<string> Examples)
{
    /// <summary>A custom source: no accent of its own, questions that fit any source.</summary>
    public static SourcePresentation Custom { get; } =
        new(null, null, ["What can you do with this source?", "Give me an overview of what is available", "What changed recently?"]);
}
