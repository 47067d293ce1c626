using Microsoft.AspNetCore.Mvc;
using Mosaic.Server.Agent;
using Mosaic.Server.Chat;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.Tests.Chat;

/// <summary>The 400 bodies of the chat and agent request records' Validate(): every field named, all messages in detail.</summary>
public sealed class RequestValidationTests
{
    private static readonly SourceDefinition Notes = new()
    {
        Id = "notes",
        Name = "Notes",
        Description = "d",
        Icon = "i",
    };
    private static readonly SourceDefinition Off = new()
    {
        Id = "off",
        Name = "Archive",
        Description = "d",
        Icon = "i",
        Enabled = false,
    };
    private static readonly SourceRegistry Registry = new([Notes, Off]);
    private static readonly ChatSettings Chat = new() { MaxMessageChars = 20 };
    private static readonly AgentSettings Agent = new() { MaxQueryChars = 20 };

    [Fact]
    public void A_good_chat_message_is_valid() =>
        Assert.Null(new ChatMessageRequest("  what changed?  ", "notes", "session-1").Validate(Chat, Registry));

    [Fact]
    public void A_bad_chat_message_names_every_field_in_order()
    {
        var problem = Assert.IsType<ValidationProblemDetails>(new ChatMessageRequest("   ", "nosuch", "../etc").Validate(Chat, Registry));
        Assert.Equal(400, problem.Status);
        Assert.Equal("The chat request is not valid", problem.Title);
        Assert.Equal(["message", "datasource", "session_id"], problem.Errors.Keys);
        Assert.Equal(
            "Ask something: the message is empty. Unknown datasource 'nosuch'. A session id is 1-100 letters, digits, '-' or '_'.",
            problem.Detail
        );
    }

    [Fact]
    public void A_chat_message_too_long_or_to_a_disabled_source_says_so()
    {
        var problem = new ChatMessageRequest(new string('x', 21), "off").Validate(Chat, Registry)!;
        Assert.Equal(["The message is longer than 20 characters."], problem.Errors["message"]);
        Assert.Equal(["Archive is disabled on this server."], problem.Errors["datasource"]);
        // The limit counts what is asked, not the spaces around it.
        Assert.Null(new ChatMessageRequest($"  {new string('x', 20)}  ", "notes").Validate(Chat, Registry));
    }

    [Fact]
    public void A_bad_agent_query_names_every_field_in_order()
    {
        var problem = new AgentQueryRequest("", ["notes", "jira"], "a b").Validate(Agent, [Notes])!;
        Assert.Equal("The agent request is not valid", problem.Title);
        Assert.Equal(["query", "sources", "session_id"], problem.Errors.Keys);
        Assert.Equal(
            "Ask something: the query is empty. Not configured or unknown: jira. Add credentials under Data sources first. "
                + "A session id is 1-100 letters, digits, '-' or '_'.",
            problem.Detail
        );
        Assert.Null(new AgentQueryRequest("who is on call?").Validate(Agent, null));
        Assert.Equal(
            ["The query is longer than 20 characters."],
            new AgentQueryRequest(new string('q', 21)).Validate(Agent, null)!.Errors["query"]
        );
    }

    [Fact]
    public void Detect_sources_checks_the_query_and_the_offered_sources_and_narrows_to_them()
    {
        var request = new DetectSourcesRequest("orders", ["notes", "nosuch"]);
        var problem = request.Validate(Agent, [Notes, Off])!;
        Assert.Equal(["available_sources"], problem.Errors.Keys);
        Assert.Equal("Not configured or unknown: nosuch.", problem.Detail);

        Assert.Null(new DetectSourcesRequest("orders", ["notes"]).Validate(Agent, [Notes, Off]));
        Assert.Equal([Notes], new DetectSourcesRequest("orders", ["notes"]).Candidates([Notes, Off]));
        Assert.Equal([Notes, Off], new DetectSourcesRequest("orders").Candidates([Notes, Off]));
    }
}
