using Mosaic.Server.Llm.Offline;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Chat;

public sealed class ArgumentExtractorTests
{
    [Fact]
    public void Channel_and_limit_come_from_hash_and_last_n()
    {
        var args = ArgumentExtractor.Extract("show the last 5 messages in #checkout-eng", Tools.Slack[2].Schema);
        Assert.Equal("checkout-eng", args["channel"]);
        Assert.Equal(5L, args["limit"]);
    }

    [Fact]
    public void Owner_repo_splits_when_the_tool_takes_both()
    {
        var tool = Tools.Props("list_issues", "owner,repo", "owner", "repo", "state");
        var args = ArgumentExtractor.Extract("open issues in acme/storefront", tool.Schema);
        Assert.Equal("acme", args["owner"]);
        Assert.Equal("storefront", args["repo"]);
    }

    [Fact]
    public void Owner_repo_stays_whole_for_a_single_repo_parameter()
    {
        var args = ArgumentExtractor.Extract("commits of acme/storefront", Tools.Props("list_commits", "repository", "repository").Schema);
        Assert.Equal("acme/storefront", args["repository"]);
    }

    [Fact]
    public void Issue_and_project_keys_are_told_apart()
    {
        var get = ArgumentExtractor.Extract("details of ACME-142 please", Tools.Props("get_issue", "issue_key", "issue_key").Schema);
        Assert.Equal("ACME-142", get["issue_key"]);
        var list = ArgumentExtractor.Extract("open bugs in project OPS", Tools.Props("query_jira", "", "project", "jql").Schema);
        Assert.Equal("OPS", list["project"]);
        var bare = ArgumentExtractor.Extract("what's open in ACME?", Tools.Props("query_jira", "", "project").Schema);
        Assert.Equal("ACME", bare["project"]);
    }

    [Fact]
    public void Quoted_text_key_values_buckets_tables_and_paths()
    {
        Assert.Equal("checkout bug", ArgumentExtractor.Extract("search \"checkout bug\"", Tools.Slack[3].Schema)["query"]);
        var kv = ArgumentExtractor.Extract("list channels limit=3 cursor=\"abc def\"", Tools.Slack[0].Schema);
        Assert.Equal(3L, kv["limit"]);
        Assert.Equal("abc def", kv["cursor"]);
        var s3 = ArgumentExtractor.Extract(
            "objects in s3://acme-reports/2024/ please",
            Tools.Props("list_objects", "bucket", "bucket", "prefix").Schema
        );
        Assert.Equal("acme-reports", s3["bucket"]);
        Assert.Equal("2024/", s3["prefix"]);
        Assert.Equal(
            "logs",
            ArgumentExtractor.Extract("files in the logs bucket", Tools.Props("list_objects", "bucket", "bucket").Schema)["bucket"]
        );
        Assert.Equal(
            "orders",
            ArgumentExtractor.Extract("describe the table orders", Tools.Props("describe_table", "table", "table").Schema)["table"]
        );
        Assert.Equal(
            "/srv/share/a.txt",
            ArgumentExtractor.Extract("read /srv/share/a.txt", Tools.Props("read_file", "path", "path").Schema)["path"]
        );
    }

    [Fact]
    public void Only_parameters_the_tool_has_are_filled()
    {
        var args = ArgumentExtractor.Extract("list channels in #general for acme/storefront", Tools.Slack[0].Schema);
        Assert.Empty(args);
    }

    [Fact]
    public void Bare_numbers_fill_required_numeric_parameters_and_enums_match_words()
    {
        var add = ArgumentExtractor.Extract("add 2 and 40", Tools.Props("add", "a,b", "a:number", "b:number").Schema);
        Assert.Equal(2.0, add["a"]);
        Assert.Equal(40.0, add["b"]);
        var tool = Tools.Make(
            "list_issues",
            """{"type":"object","properties":{"state":{"type":"string","enum":["open","closed","all"]}}}"""
        );
        Assert.Equal("closed", ArgumentExtractor.Extract("show closed issues", tool.Schema)["state"]);
    }
}
