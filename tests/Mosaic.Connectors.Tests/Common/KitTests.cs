using System.Text.Json;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Http;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.Tests.Common;

public class KitTests
{
    [Theory]
    [InlineData(401, "Slack says: invalid_auth (HTTP 401). The credentials for Slack were rejected")]
    [InlineData(403, "permission")]
    [InlineData(404, "list what is available first")]
    [InlineData(503, "try again shortly")]
    public void Upstream_errors_name_the_service_and_give_a_hint(int status, string expected)
    {
        var ex = new UpstreamException("Slack", status, null, "invalid_auth");
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Rate_limit_hint_says_how_long_to_wait() =>
        Assert.EndsWith(
            "wait 30 s and try again.",
            new UpstreamException("Jira", 429, null, "Too many requests", TimeSpan.FromSeconds(29.2)).Message
        );

    [Fact]
    public void Slack_style_errors_read_naturally() =>
        Assert.Equal("Slack says: not_in_channel", new UpstreamException("Slack", null, "not_in_channel", "not_in_channel").Message);

    [Theory]
    [InlineData("""{"message":"Not Found","documentation_url":"x"}""", null, "Not Found")]
    [InlineData("""{"ok":false,"error":"channel_not_found"}""", "channel_not_found", null)]
    [InlineData("""{"errorMessages":["Issue does not exist"],"errors":{}}""", null, "Issue does not exist")]
    [InlineData("""{"error":{"code":404,"message":"File not found","status":"NOT_FOUND"}}""", "NOT_FOUND", "File not found")]
    [InlineData("""{"errors":"[API] Invalid API key or access token"}""", null, "[API] Invalid API key or access token")]
    [InlineData("""{"errors":[{"message":"Field 'x' doesn't exist"}]}""", null, "Field 'x' doesn't exist")]
    [InlineData("plain text failure", null, "plain text failure")]
    public void Parses_common_error_bodies(string body, string? code, string? reason)
    {
        var (c, r) = UpstreamResponses.Parse(body);
        Assert.Equal(code, c);
        Assert.Equal(reason, r);
    }

    [Fact]
    public void Cursor_round_trips_and_refuses_other_scopes_and_garbage()
    {
        var scope = Cursor.Scope("objects", "bucket-a", "docs/");
        var cursor = Cursor.EncodeOffset(scope, 250);
        Assert.Equal(250, Cursor.DecodeOffset(cursor, scope));
        Assert.Equal(0, Cursor.DecodeOffset(null, scope));
        Assert.Contains(
            "different listing",
            Assert.Throws<ToolInputException>(() => Cursor.Decode(cursor, Cursor.Scope("objects", "bucket-b", "docs/"))).Message
        );
        Assert.Contains("not valid", Assert.Throws<ToolInputException>(() => Cursor.Decode("%%%not-base64", scope)).Message);
        Assert.Contains("not valid", Assert.Throws<ToolInputException>(() => Cursor.Decode("aGVsbG8", scope)).Message);
    }

    [Theory]
    [InlineData(null, 20)]
    [InlineData(0, 20)]
    [InlineData(5, 5)]
    [InlineData(5000, 100)]
    public void Limits_are_defaulted_and_clamped(int? requested, int expected) => Assert.Equal(expected, Paging.Limit(requested, 20, 100));

    [Fact]
    public void Negative_limit_is_an_input_error() => Assert.Throws<ToolInputException>(() => Paging.Limit(-1, 20, 100));

    [Fact]
    public void Lists_are_cut_to_the_byte_budget_with_an_explicit_marker_and_a_cursor_after_the_last_item_shown()
    {
        var items = Enumerable.Range(0, 100).Select(i => new JsonObject { ["id"] = i, ["text"] = new string('x', 90) }).ToList();
        var keptSeen = -1;
        var result = ToolResults.List(
            items,
            new ListShape<JsonObject>
            {
                ItemsName = "things",
                TypeInfo = KitJson.Default.JsonObject,
                Budget = new ResultBudget(MaxItems: 500, MaxBytes: 2_000),
                NextCursor = kept =>
                {
                    keptSeen = kept;
                    return $"after-{kept}";
                },
            },
            "100 things"
        );

        var data = result.StructuredContent!.Value;
        var returned = data.GetProperty("returned").GetInt32();
        Assert.InRange(returned, 10, 20);
        Assert.Equal(returned, data.GetProperty("things").GetArrayLength());
        Assert.True(data.GetProperty("truncated").GetBoolean());
        Assert.Equal(100 - returned, data.GetProperty("more").GetInt32());
        Assert.Equal($"after-{returned}", data.GetProperty("next_cursor").GetString());
        Assert.Equal(returned, keptSeen);
        var text = Assert.IsType<ModelContextProtocol.Protocol.TextContentBlock>(result.Content[0]).Text;
        Assert.StartsWith(
            $"100 things (truncated to fit 2000 bytes / 500 items: {100 - returned} more; call again with cursor=\"after-{returned}\"",
            text
        );
    }

    [Fact]
    public void Known_totals_count_what_is_left_without_a_cut()
    {
        var result = ToolResults.List(
            [new JsonObject { ["id"] = 1 }],
            new ListShape<JsonObject>
            {
                ItemsName = "things",
                TypeInfo = KitJson.Default.JsonObject,
                Total = 10,
                Offset = 4,
                NextCursor = kept => "next",
            },
            "page"
        );
        var data = result.StructuredContent!.Value;
        Assert.False(data.GetProperty("truncated").GetBoolean());
        Assert.Equal(5, data.GetProperty("more").GetInt32());
        Assert.True(data.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public void Last_page_has_no_cursor()
    {
        var result = ToolResults.List(
            [new JsonObject { ["id"] = 1 }],
            new ListShape<JsonObject>
            {
                ItemsName = "things",
                TypeInfo = KitJson.Default.JsonObject,
                NextCursor = kept => "never",
            },
            "page"
        );
        var data = result.StructuredContent!.Value;
        Assert.False(data.GetProperty("has_more").GetBoolean());
        Assert.False(data.TryGetProperty("next_cursor", out _));
        Assert.Equal(JsonValueKind.Object, data.ValueKind);
    }

    [Fact]
    public void Clip_marks_what_was_cut() => Assert.Equal("abcd… [6 more chars]", TextClip.Clip("abcdefghij", 5));

    [Fact]
    public void Ellipsize_keeps_within_the_limit_and_never_splits_a_surrogate_pair()
    {
        Assert.Equal("abcd…", TextClip.Ellipsize("abcdefghij", 5));
        Assert.Equal("abcde", TextClip.Ellipsize("abcde", 5));
        Assert.Null(TextClip.Ellipsize(null, 5));
        Assert.Equal("abc…", TextClip.Ellipsize("abc😀defg", 5));
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class KitJson : System.Text.Json.Serialization.JsonSerializerContext;
