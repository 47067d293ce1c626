using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using Mosaic.Server.Chat;
using Mosaic.Server.Telemetry;

namespace Mosaic.Server.Tests.Telemetry;

/// <summary>mosaic.approvals counts each approval by how it ended: approved, refused, expired.</summary>
public sealed class ApprovalMetricsTests : IDisposable
{
    readonly MeterListener _listener = new();
    readonly ConcurrentQueue<string> _outcomes = new();

    public ApprovalMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MosaicTelemetry.Name && instrument.Name == "mosaic.approvals")
                l.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>(
            (_, _, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag.Key == MosaicTelemetry.Tags.Outcome)
                        _outcomes.Enqueue($"{tag.Value}");
            }
        );
        _listener.Start();
    }

    [Fact]
    public async Task Each_outcome_is_counted_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var broker = new ApprovalBroker(time, new ChatSettings { ApprovalTimeout = TimeSpan.FromMinutes(5) });

        var yes = broker.Open("u1", "post_message");
        broker.Decide(yes.Id, "u1", approved: true);
        Assert.Equal(ApprovalOutcome.Approved, await broker.WaitAsync(yes.Id, CancellationToken.None));
        var no = broker.Open("u1", "post_message");
        broker.Decide(no.Id, "u1", approved: false);
        Assert.Equal(ApprovalOutcome.Refused, await broker.WaitAsync(no.Id, CancellationToken.None));
        var late = broker.Open("u1", "post_message");
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(ApprovalOutcome.Expired, await broker.WaitAsync(late.Id, CancellationToken.None));

        // Other tests in this process may approve things too: at least ours, each under its own word.
        var counted = _outcomes.ToArray();
        Assert.Contains("approved", counted);
        Assert.Contains("refused", counted);
        Assert.Contains("expired", counted);
    }

    public void Dispose() => _listener.Dispose();
}
