using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>
/// MySQL's Offline plan: reads the schema through the connector, picks the question's template and plans ONE read-only
/// execute_query whose answer leads with the fact and shows the SQL that ran. "show tables" and "describe X" stay the
/// connector's own tools; a question no template fits gets the catch-all (list_tables, <see cref="PlannedCall.Fallback"/>).
/// </summary>
public static class MySqlOfflinePlanner
{
    public static async ValueTask<PlannedCall?> PlanAsync(OfflineQuestion q, CancellationToken ct)
    {
        if (QuestionTemplates.ShowTables().IsMatch(q.Lower))
            return new PlannedCall("list_tables");
        // "execute_query sql=…" names its call: chat's direct tier makes it as written, with no schema read first.
        if (QuestionTemplates.ToolCall().IsMatch(q.Lower))
            return Fallback();
        try
        {
            var schema = await SchemaReader.ReadAsync(q, ct);
            var period = q.Period is { } p ? new PeriodSpan(p.Start, p.End, p.Label) : null;
            var reading = new QuestionReading(q.Query, schema, period);
            if (QuestionTemplates.Describe().IsMatch(q.Lower))
                return reading.Subject is { } described
                    ? new PlannedCall("describe_table", new Dictionary<string, object?> { ["table"] = described.Name })
                    : null;
            if (QuestionTemplates.Subject(reading) is not { } table)
                return Fallback();
            var values =
                reading.ValueWords(table).Count > 0
                    ? await SchemaReader.ValuesAsync(q, table, ct)
                    : new Dictionary<string, IReadOnlyList<string>>();
            return QuestionTemplates.Build(reading, values) is { } query ? Plan(query) : Fallback();
        }
        catch (Exception e) when (e is McpHubException or InvalidOperationException or KeyNotFoundException)
        {
            q.Logger.LogDebug("No MySQL template for the Offline question: {Error}", e.Message);
            return Fallback();
        }
    }

    /// <summary>The statement as a direct call; its answer leads with the fact and ends with the SQL.</summary>
    public static PlannedCall Plan(OfflineQuery query) =>
        new("execute_query", new Dictionary<string, object?> { ["sql"] = query.Sql, ["limit"] = query.Limit ?? QuestionReading.MaxLimit })
        {
            Label = $"execute_query sql=\"{query.Sql}\"",
            Answer = new OfflineAnswer
            {
                Lead = output => query.Lead(output.Items, output.HasMore),
                Searched = query.Searched,
                Limit = query.Limit,
                Footnote = SqlText.Footnote(query.Sql),
            },
        };

    /// <summary>The tables, as a catch-all: chat prefers its own tool matching, the agent shows what there is.</summary>
    private static PlannedCall Fallback() =>
        new("list_tables")
        {
            Fallback = true,
            Answer = new OfflineAnswer
            {
                // Said plainly, so the list of tables is not taken for an answer.
                Lead = _ => "No query I can write answers that as asked; these are the tables the database has.",
                Searched = "the database's tables",
            },
        };
}
