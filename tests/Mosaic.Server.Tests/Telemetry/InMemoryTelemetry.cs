using System.Diagnostics;
using Mosaic.Server.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Mosaic.Server.Tests.Telemetry;

/// <summary>
/// An export registered like any other (<see cref="ITelemetryExport"/>): the server builds its real providers and adds
/// this one's in-memory exporters. The ActivitySources are process-wide, so spans of other test servers arrive too: a
/// test picks its own by trace id.
/// </summary>
public sealed class InMemoryTelemetry : ITelemetryExport
{
    readonly List<Activity> _spans = [];
    readonly List<Metric> _metrics = [];
    BaseExportingMetricReader? _reader;

    public void AddTo(TracerProviderBuilder tracing) => tracing.AddInMemoryExporter(_spans);

    public void AddTo(MeterProviderBuilder metrics) =>
        metrics.AddReader(
            _reader = new BaseExportingMetricReader(new InMemoryExporter<Metric>(_metrics))
            {
                TemporalityPreference = MetricReaderTemporalityPreference.Cumulative,
            }
        );

    /// <summary>The finished spans of one trace.</summary>
    public IReadOnlyList<Activity> Trace(ActivityTraceId traceId)
    {
        // The exporter adds one span at a time (its processor serializes exports); a copy may miss the newest, never break.
        return [.. _spans.ToArray().Where(a => a.TraceId == traceId)];
    }

    /// <summary>Waits until <paramref name="done"/> holds for the trace's spans (a span is exported when it ends).</summary>
    public async Task<IReadOnlyList<Activity>> TraceWhenAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!done(Trace(traceId)) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        return Trace(traceId);
    }

    /// <summary>Collects every metric now (cumulative: all that was recorded since the server started).</summary>
    public IReadOnlyList<MetricValue> CollectMetrics()
    {
        lock (_metrics)
        {
            _metrics.Clear();
            Assert.True(_reader!.Collect(), "the metric reader did not collect");
            return [.. _metrics.SelectMany(MetricValue.From)];
        }
    }
}

/// <summary>One point of a metric, copied out (the SDK reuses its Metric objects between collections).</summary>
/// <param name="Value">A histogram's sum, a counter's total, a gauge's value.</param>
/// <param name="Count">How many measurements a histogram holds; 1 for other kinds.</param>
public sealed record MetricValue(string Name, IReadOnlyDictionary<string, object?> Tags, double Value, long Count, bool Histogram = false)
{
    /// <summary>What grows with each measurement: a histogram's count, a counter's total.</summary>
    public double Amount => Histogram ? Count : Value;

    public static List<MetricValue> From(Metric metric)
    {
        var values = new List<MetricValue>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
                tags[tag.Key] = tag.Value;
            values.Add(
                metric.MetricType switch
                {
                    MetricType.Histogram => new(metric.Name, tags, point.GetHistogramSum(), point.GetHistogramCount(), true),
                    MetricType.LongSum or MetricType.LongSumNonMonotonic => new(metric.Name, tags, point.GetSumLong(), 1),
                    MetricType.LongGauge => new(metric.Name, tags, point.GetGaugeLastValueLong(), 1),
                    MetricType.DoubleGauge => new(metric.Name, tags, point.GetGaugeLastValueDouble(), 1),
                    _ => new(metric.Name, tags, point.GetSumDouble(), 1),
                }
            );
        }
        return values;
    }

    public object? Tag(string name) => Tags.GetValueOrDefault(name);
}
