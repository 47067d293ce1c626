using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Egress;

public static class EgressAssert
{
    /// <summary>A tool error that is the egress refusal (naming the setting), with nothing from the internal service in it.</summary>
    public static string Refused(ToolCallResult result, LoopbackService service, string? address = null)
    {
        var error = result.Error();
        Assert.StartsWith("Refused to connect to ", error);
        Assert.Contains("MOSAIC_EGRESS_ALLOW", error);
        Assert.DoesNotContain(service.Secret, error);
        if (address is not null)
            Assert.Contains(address, error);
        Assert.Equal(0, service.Connections);
        return error;
    }
}
