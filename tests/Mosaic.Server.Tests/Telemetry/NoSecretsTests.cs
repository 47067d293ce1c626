using System.Diagnostics;
using System.Net;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Telemetry;

/// <summary>Spans and metrics carry ids, names and outcomes: never the question, a tool's arguments, a token or a key.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class NoSecretsTests(TelemetryFixture fx)
{
    [Fact]
    public async Task No_span_or_metric_holds_the_question_its_arguments_or_a_secret()
    {
        var user = await fx.SlackUserAsync();
        const string marker = "zebracorn7731";
        var traceId = ActivityTraceId.CreateRandom();
        var events = await TraceTests.AskAsync(user, traceId, $"search messages for {marker}");
        // The words did travel into the tool call, so leaving them out of the spans is a choice, not an accident.
        var start = events.Single(e => SseStream.Type(e) == "tool_start");
        Assert.Contains(marker, start.GetProperty("arguments").ToString());

        var spans = await fx.Telemetry.TraceWhenAsync(traceId, s => s.Any(a => a.Kind == ActivityKind.Server));
        Assert.Contains(spans, a => a.OperationName == "execute_tool search_messages");
        var config = fx.App.Services.GetRequiredService<IConfiguration>();
        var slack = fx.Sandbox.EnvFor("slack");
        string?[] secrets =
        [
            marker,
            slack["SLACK_BOT_TOKEN"],
            slack["SLACK_USER_TOKEN"],
            user.Password,
            config["JWT_SECRET_KEY"],
            config["ENCRYPTION_KEY"],
            .. user.Browser.Cookies.GetAllCookies().Cast<Cookie>().Select(c => c.Value),
        ];

        var said = spans.SelectMany(Said).Concat(fx.Telemetry.CollectMetrics().SelectMany(m => m.Tags.Values.Select(v => $"{v}")));
        var texts = said.ToList();
        Assert.NotEmpty(texts);
        foreach (var secret in secrets.Where(s => s is { Length: >= 6 }))
            Assert.DoesNotContain(texts, t => t.Contains(secret!, StringComparison.Ordinal));
    }

    /// <summary>Everything a span would send: its names, every attribute, its status, its events and links.</summary>
    static IEnumerable<string> Said(Activity span) =>
        [
            span.OperationName,
            span.DisplayName,
            span.StatusDescription ?? "",
            .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
            .. span.Baggage.Select(b => $"{b.Key}={b.Value}"),
            .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")),
            .. span.Links.SelectMany(l => (l.Tags ?? []).Select(t => $"{t.Key}={t.Value}")),
        ];
}
