namespace Mosaic.Faults.Tests.Support;

/// <summary>A collection whose tests run by themselves, after the others (xunit runs such collections last, one at a time).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "alone";
}
