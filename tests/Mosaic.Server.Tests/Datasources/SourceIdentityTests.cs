using System.Text.Json;
using Mosaic.Server.Datasources;

namespace Mosaic.Server.Tests.Datasources;

/// <summary>The stored form of an identity (credentials.identity, 500 characters): it always fits and reads back.</summary>
public sealed class SourceIdentityTests
{
    [Fact]
    public void A_whoami_result_round_trips_with_letters_as_themselves()
    {
        using var whoami = JsonDocument.Parse("""{"identity":"Zoë Müller (@zoe) in Ünïcode GmbH","account":"U0ZOE","name":"x"}""");
        var identity = SourceIdentity.FromWhoami(whoami.RootElement)!;

        var stored = identity.ToStored();

        Assert.Equal("""{"identity":"Zoë Müller (@zoe) in Ünïcode GmbH","account":"U0ZOE"}""", stored);
        Assert.Equal(identity, SourceIdentity.FromStored(stored));
    }

    [Fact]
    public void Anything_too_long_is_cut_to_fit_and_a_long_account_is_left_out_rather_than_cut()
    {
        var stored = new SourceIdentity(new string('"', 600), new string('a', 151)).ToStored();

        Assert.True(stored.Length <= SourceIdentity.MaxStored, stored.Length.ToString());
        var back = SourceIdentity.FromStored(stored)!;
        Assert.EndsWith("…", back.Identity);
        Assert.Null(back.Account);
    }

    [Fact]
    public void A_plain_line_is_read_as_the_identity_and_nothing_as_unknown()
    {
        Assert.Equal(new SourceIdentity("Alice Chen", null), SourceIdentity.FromStored("Alice Chen"));
        Assert.Null(SourceIdentity.FromStored(null));
        Assert.Null(SourceIdentity.FromStored("{}"));
        using var nobody = JsonDocument.Parse("""{"account":"U1"}""");
        Assert.Null(SourceIdentity.FromWhoami(nobody.RootElement));
    }
}
