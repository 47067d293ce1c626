namespace Mosaic.Connectors.Tests.Google;

/// <summary>The five Google Workspace tools against Alice's Sandbox workspace, through a real connector process.</summary>
public sealed class GoogleToolTests(GoogleFixture google) : IClassFixture<GoogleFixture>
{
    [Fact]
    public async Task Lists_exactly_the_seven_read_only_tools()
    {
        var tools = await google.Connector.Client.ListToolsAsync();
        Assert.Equal(
            ["get_document", "get_events", "get_spreadsheet", "list_messages", "search_drive_files", "whats_new", "whoami"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal)
        );
        Assert.All(tools, t => Assert.True(t.ProtocolTool.Annotations?.ReadOnlyHint, $"{t.Name} must be read-only"));
    }

    [Fact]
    public async Task Events_of_the_coming_week_include_the_launch_review_with_links()
    {
        var events = (await google.CallAsync("get_events", new { limit = 100 })).Ok().Items("events");
        var review = events.Single(e => e.Str("summary") == "Acme Brew Pro launch review");
        Assert.Equal("Erin Walsh", review.Str("organizer"));
        Assert.StartsWith($"{google.Sandbox.BaseUrl}/google/calendar/event?eid=", review.Str("link"));
        Assert.StartsWith($"{google.Sandbox.BaseUrl}/google/meet/", review.Str("meet_link"));
        Assert.Contains("ACME-142", review.Str("description"));
        Assert.Contains(events, e => e.Str("summary") == "Acme Brew Pro launch day" && e.GetProperty("all_day").GetBoolean());
        // Recurring standups are expanded into single events, and everything is in start order.
        Assert.True(events.Count(e => e.Str("summary") == "Engineering standup") >= 4);
        var starts = events.Select(e => e.Str("start")).ToList();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
    }

    [Fact]
    public async Task Events_page_past_the_first_page_and_filter_by_text_and_window()
    {
        var window = new Dictionary<string, object?>
        {
            ["time_min"] = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd"),
            ["time_max"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"),
        };
        var (paged, calls) = await google.AllPagesAsync("get_events", "events", new(window) { ["limit"] = 4 });
        Assert.True(calls >= 4, $"expected several pages, got {calls}");
        var ids = paged.Select(e => e.Str("id")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var (single, _) = await google.AllPagesAsync("get_events", "events", new(window) { ["limit"] = 100 });
        Assert.Equal(single.Select(e => e.Str("id")), ids);

        var incident = (await google.CallAsync("get_events", new Dictionary<string, object?>(window) { ["query"] = "ACME-142" }))
            .Ok()
            .Items("events");
        Assert.Contains(incident, e => e.Str("summary") == "Checkout incident sync (ACME-142)");
        Assert.All(incident, e => Assert.Contains("ACME-142", e.Str("summary") + e.Str("description")));
    }

    [Fact]
    public async Task The_support_email_about_order_1042_is_found_with_its_body_on_request()
    {
        var found = (await google.CallAsync("list_messages", new { query = "subject:\"order #1042\" is:unread" })).Ok().Items("messages");
        var mail = Assert.Single(found);
        Assert.Equal("Charged twice for my order #1042", mail.Str("subject"));
        Assert.Equal("Maya Patel <maya.patel@example.com>", mail.Str("from"));
        Assert.True(mail.GetProperty("unread").GetBoolean());
        Assert.True(mail.GetProperty("important").GetBoolean());
        Assert.StartsWith("Hi Acme team, I just bought the Acme Brew Pro grinder", mail.Str("snippet"));
        Assert.False(mail.TryGetProperty("body", out _));
        Assert.Equal($"{google.Sandbox.BaseUrl}/google/mail/message/{mail.Str("id")}", mail.Str("link"));

        // Gmail HTML-escapes snippets; the tool gives plain text back.
        var reply = Assert.Single(
            (await google.CallAsync("list_messages", new { query = "from:dave@acme.test subject:\"Re: Charged twice\"" }))
                .Ok()
                .Items("messages")
        );
        Assert.Contains("I've refunded the duplicate charge", reply.Str("snippet"));

        var withBody = Assert.Single(
            (await google.CallAsync("list_messages", new { query = "subject:\"order #1042\" is:unread", include_body = true }))
                .Ok()
                .Items("messages")
        );
        Assert.Contains("charged $224.10 twice", withBody.Str("body"));
        Assert.Contains("I'd still like to keep the order.", withBody.Str("body"));
    }

    [Fact]
    public async Task Messages_page_past_the_first_page_and_show_attachments()
    {
        var (paged, calls) = await google.AllPagesAsync("list_messages", "messages", new() { ["limit"] = 4 });
        Assert.Equal(4, calls);
        var ids = paged.Select(m => m.Str("id")).ToList();
        Assert.Equal(15, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var dates = paged.Select(m => DateTimeOffset.Parse(m.Str("date"))).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);

        // Gmail's metadata format has no MIME parts, so attachment names come with the full message.
        Assert.False(
            Assert
                .Single((await google.CallAsync("list_messages", new { query = "has:attachment from:carol" })).Ok().Items("messages"))
                .TryGetProperty("attachments", out _)
        );
        var withFile = Assert.Single(
            (await google.CallAsync("list_messages", new { query = "has:attachment from:carol", include_body = true }))
                .Ok()
                .Items("messages")
        );
        Assert.Equal(["checkout-double-submit.png"], withFile.GetProperty("attachments").EnumerateArray().Select(a => a.GetString()));
        var none = (await google.CallAsync("list_messages", new { query = "from:nobody@nowhere.example" })).Ok();
        Assert.Empty(none.Items("messages"));
    }

    [Fact]
    public async Task Drive_search_finds_by_content_and_type_and_pages()
    {
        var byText = (await google.CallAsync("search_drive_files", new { query = "BREW10" })).Ok().Items("files");
        Assert.Contains(byText, f => f.Str("name") == "Acme Brew Pro launch plan" && f.Str("type") == "document");
        Assert.All(byText, f => Assert.DoesNotContain("old draft", f.Str("name")));
        var plan = byText.Single(f => f.Str("id") == GoogleFixture.LaunchPlanId);
        Assert.Equal($"{google.Sandbox.BaseUrl}/google/document/d/{GoogleFixture.LaunchPlanId}/edit?usp=drivesdk", plan.Str("link"));
        Assert.Equal("Erin Walsh", plan.Str("owner"));

        var sheets = (await google.CallAsync("search_drive_files", new { mime_type = "spreadsheet" })).Ok().Items("files");
        Assert.Equal(["Inventory planning", "Q4 sales forecast"], sheets.Select(f => f.Str("name")).Order());

        var (all, calls) = await google.AllPagesAsync("search_drive_files", "files", new() { ["limit"] = 4 });
        Assert.Equal(3, calls);
        Assert.Equal(11, all.Select(f => f.Str("id")).Distinct().Count());
        var modified = all.Select(f => DateTimeOffset.Parse(f.Str("modified"))).ToList();
        Assert.Equal(modified.OrderByDescending(m => m), modified);
    }

    [Fact]
    public async Task A_doc_reads_as_markdown_with_headings_lists_tables_and_links()
    {
        var doc = (
            await google.CallAsync(
                "get_document",
                new { document_id = $"https://docs.google.com/document/d/{GoogleFixture.LaunchPlanId}/edit" }
            )
        ).Ok();
        Assert.Equal("Acme Brew Pro launch plan", doc.Str("title"));
        var md = doc.Str("content");
        Assert.StartsWith("# Acme Brew Pro launch plan\n", md);
        Assert.Contains("Status: **draft for the launch review**.", md);
        Assert.Contains("\n## Goals\n", md);
        Assert.Contains("\n- Sell 600 units in the first 30 days.\n", md);
        Assert.Contains("| Milestone | Date | Owner |\n| --- | --- | --- |\n| Pre-orders open | done | Erin |", md);
        Assert.Contains("### Checkout double charge (ACME-142)", md);
        Assert.Contains($"[PR #91]({google.Sandbox.BaseUrl}/github/acme/storefront/pull/91)", md);

        var text = (
            await google.CallAsync(
                "get_document",
                new
                {
                    document_id = GoogleFixture.LaunchPlanId,
                    format = "text",
                    max_chars = 120,
                }
            )
        ).Ok();
        Assert.StartsWith("Acme Brew Pro launch plan\n", text.Str("content"));
        Assert.DoesNotContain("**", text.Str("content"));
        Assert.True(text.GetProperty("truncated").GetBoolean());
        Assert.Contains("more chars]", text.Str("content"));
    }

    [Fact]
    public async Task A_spreadsheet_gives_its_sheet_names_and_the_values_of_a_range()
    {
        var whole = (await google.CallAsync("get_spreadsheet", new { spreadsheet_id = GoogleFixture.ForecastId })).Ok();
        Assert.Equal("Q4 sales forecast", whole.Str("title"));
        Assert.Equal(["Forecast", "Launch - Acme Brew Pro", "Assumptions"], whole.Items("sheets").Select(s => s.Str("title")));
        Assert.Equal("Forecast!A1:Z1000", whole.Str("range"));
        Assert.Equal(10, whole.Items("values").Count);

        var launch = (
            await google.CallAsync(
                "get_spreadsheet",
                new { spreadsheet_id = GoogleFixture.ForecastId, range = "'Launch - Acme Brew Pro'!A1:C3" }
            )
        ).Ok();
        Assert.Equal("'Launch - Acme Brew Pro'!A1:C3", launch.Str("range"));
        var rows = launch.Items("values").Select(r => r.EnumerateArray().Select(c => c.GetString() ?? "").ToArray()).ToList();
        Assert.Equal(["Metric", "Target", "Actual"], rows[0]);
        Assert.Equal(["Pre-orders", "150", "96"], rows[1]);

        var cut = (await google.CallAsync("get_spreadsheet", new { spreadsheet_id = GoogleFixture.ForecastId, max_rows = 3 })).Ok();
        Assert.Equal(3, cut.Items("values").Count);
        Assert.True(cut.GetProperty("truncated").GetBoolean());
        Assert.Contains("7 more", cut.Str("note"));
    }
}
