using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Server.Tests.Infrastructure;

/// <summary>
/// The UI's API types are generated from web/src/api/openapi.json, so
/// the checked-in copy must be what the server serves. MOSAIC_UPDATE_OPENAPI=1 rewrites it instead
/// (scripts/openapi.sh does that, then regenerates web/src/api/schema.d.ts).
/// </summary>
public sealed class OpenApiDocumentTests(MosaicAppFactory app) : IClassFixture<MosaicAppFactory>
{
    public static string CheckedInPath { get; } = Path.Combine(RepoPaths.Root, "web", "src", "api", "openapi.json");

    [Fact]
    public async Task The_checked_in_document_is_the_one_the_server_serves()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        var served = Normalise(await response.Content.ReadAsStringAsync());

        if (Environment.GetEnvironmentVariable("MOSAIC_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CheckedInPath, served);
            return;
        }
        Assert.True(File.Exists(CheckedInPath), $"{CheckedInPath} is missing: run scripts/openapi.sh");
        var checkedIn = Normalise(await File.ReadAllTextAsync(CheckedInPath));
        Assert.True(
            served == checkedIn,
            "web/src/api/openapi.json is not what the server serves: run scripts/openapi.sh and commit the result.\n"
                + FirstDifference(served, checkedIn)
        );
    }

    /// <summary>Indented, LF line ends, no "servers" (the test host's address is not part of the contract).</summary>
    private static string Normalise(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("servers");
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return node.ToJsonString(options).Replace("\r\n", "\n") + "\n";
    }

    private static string FirstDifference(string served, string checkedIn)
    {
        var a = served.Split('\n');
        var b = checkedIn.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "(end)";
            var y = i < b.Length ? b[i] : "(end)";
            if (x != y)
                return $"line {i + 1}: served `{x.Trim()}`, checked in `{y.Trim()}`";
        }
        return "";
    }
}
