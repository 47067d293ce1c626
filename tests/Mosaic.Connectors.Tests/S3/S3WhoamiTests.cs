using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.S3;

/// <summary>S3's whoami against s3rver: the keys work, see the test's bucket, and the endpoint is named by host only.</summary>
public sealed class S3WhoamiTests(S3Fixture s3) : IClassFixture<S3Fixture>
{
    [Fact]
    public async Task The_keys_see_the_buckets_at_the_endpoint()
    {
        var me = (await (await s3.ConnectorAsync()).CallAsync("whoami")).Ok();

        var host = new Uri(TestServices.S3Url).Authority;
        Assert.Equal(host, me.GetProperty("host").GetString());
        // Other test classes create buckets in the same s3rver: at least this class's one is there.
        var buckets = me.GetProperty("buckets").GetInt32();
        Assert.True(buckets >= 1, me.ToString());
        // s3rver reports an owner, as AWS does: the account is its name.
        var account = me.GetProperty("account").GetString()!;
        Assert.Equal(me.GetProperty("owner").GetString(), account);
        Assert.Equal($"{account} on {host} ({buckets} bucket{(buckets == 1 ? "" : "s")})", me.GetProperty("identity").GetString());
        Assert.Equal("S3RVER", me.GetProperty("access_key").GetString()); // a short key id is shown whole, a long one shortened
    }

    [Fact]
    public async Task An_unknown_access_key_is_S3_s_own_reason_in_one_sentence()
    {
        await using var c = await ConnectorProcess.StartAsync("S3", S3Env.ForS3rver(key: "NOT-A-KEY"));
        var error = (await c.CallAsync("whoami")).Error();

        Assert.Equal("S3 says: InvalidAccessKeyId: the access key id is not known (HTTP 403)", error);
    }
}
