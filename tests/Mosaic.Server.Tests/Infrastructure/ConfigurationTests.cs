using Mosaic.Server.Configuration;

namespace Mosaic.Server.Tests.Infrastructure;

public sealed class ConfigurationTests
{
    private static IReadOnlyList<string> Errors(MosaicSettings s) =>
        new MosaicSettingsValidator().Validate(null, s).Failures?.ToList() ?? [];

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(Errors(new MosaicSettings()));
    }

    [Theory]
    [InlineData("ENVIRONMENT")]
    [InlineData("JWT_SECRET_KEY")]
    [InlineData("JWT_ALGORITHM")]
    [InlineData("ENCRYPTION_KEY")]
    [InlineData("CORS_ORIGINS")]
    [InlineData("RATE_LIMIT_REQUESTS_PER_MINUTE")]
    [InlineData("LOG_FORMAT")]
    public void A_bad_value_is_reported_by_variable_name(string variable)
    {
        var s = new MosaicSettings();
        switch (variable)
        {
            case "ENVIRONMENT":
                s.Environment = "prod";
                break;
            case "JWT_SECRET_KEY":
                s.JwtSecretKey = "too-short";
                break;
            case "JWT_ALGORITHM":
                s.JwtAlgorithm = "none";
                break;
            case "ENCRYPTION_KEY":
                s.EncryptionKey = "bm90LTMyLWJ5dGVz";
                break;
            case "CORS_ORIGINS":
                s.CorsOrigins = "localhost:5173";
                break;
            case "RATE_LIMIT_REQUESTS_PER_MINUTE":
                s.RateLimitPerMinute = 0;
                break;
            case "LOG_FORMAT":
                s.LogFormat = "xml";
                break;
        }
        Assert.Contains(Errors(s), e => e.StartsWith(variable, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("jira.internal,10.20.0.0/16,127.0.0.1:3306,[::1]:8080", null)]
    [InlineData("jira.internal,127.1", "MOSAIC_EGRESS_ALLOW entry \"127.1\"")]
    [InlineData("10.20.0.0/16:http", "MOSAIC_EGRESS_ALLOW entry \"10.20.0.0/16:http\"")]
    public void The_egress_allow_list_is_checked_entry_by_entry(string value, string? error)
    {
        var errors = Errors(new MosaicSettings { EgressAllow = value });
        if (error is null)
            Assert.Empty(errors);
        else
            Assert.StartsWith(error, Assert.Single(errors));
    }

    [Fact]
    public async Task A_malformed_egress_allow_list_stops_start_up_naming_the_variable_and_entry()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f => f.Settings["MOSAIC_EGRESS_ALLOW"] = "10.0.0.0/8,0x7f000001");
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("MOSAIC_EGRESS_ALLOW entry \"0x7f000001\"", error.ToString());
    }

    [Fact]
    public void Production_requires_both_keys()
    {
        var errors = Errors(new MosaicSettings { Environment = "production" });
        Assert.Contains(errors, e => e.Contains("JWT_SECRET_KEY is required"));
        Assert.Contains(errors, e => e.Contains("ENCRYPTION_KEY is required"));
    }

    [Fact]
    public void Fernet_style_url_safe_keys_are_accepted()
    {
        var key = Convert.ToBase64String(Enumerable.Range(250, 32).Select(i => (byte)i).ToArray()).Replace('+', '-').Replace('/', '_');
        Assert.True(EncryptionKeyFormat.TryParse(key, out var bytes));
        Assert.Equal(32, bytes.Length);
    }

    [Fact]
    public async Task The_server_refuses_to_start_with_a_bad_setting_and_names_it()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f => f.Settings["JWT_ALGORITHM"] = "RS256");
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("JWT_ALGORITHM must be HS256", error.ToString());
    }

    [Fact]
    public async Task A_non_numeric_port_is_named()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f => f.Settings["RATE_LIMIT_REQUESTS_PER_HOUR"] = "lots");
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("RATE_LIMIT_REQUESTS_PER_HOUR", error.ToString());
    }
}
