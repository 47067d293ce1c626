using Mosaic.Connectors.MySql.Safety;

namespace Mosaic.Server.Connectors;

/// <summary>The seven built-in datasources. Field names and env vars are the connectors' contract.</summary>
public static class BuiltInConnectors
{
    public static IReadOnlyList<ConnectorDefinition> All { get; } =
    [
        new()
        {
            Id = "s3", Name = "Amazon S3", Icon = "s3", Assembly = "Mosaic.Connectors.S3",
            Description = "Browse buckets and read or search objects",
            CredentialFields =
            [
                new("aws_access_key_id", "Access Key ID", "text", true, "AWS_ACCESS_KEY_ID"),
                new("aws_secret_access_key", "Secret Access Key", "password", true, "AWS_SECRET_ACCESS_KEY"),
                new("aws_region", "Region", "text", false, "AWS_REGION") { Placeholder = "us-east-1" },
                new("endpoint_url", "Endpoint URL", "url", false, "AWS_ENDPOINT_URL") { Help = "Only for S3-compatible storage (MinIO, Ceph, …)." },
                new("force_path_style", "Path-style addressing", "checkbox", false, "S3_FORCE_PATH_STYLE") { Help = "Needed by most S3-compatible servers." },
            ],
            DirectRouting =
            [
                new(["bucket", "buckets"], "list_buckets"),
                new(["search", "find"], "search_objects"),
                new(["object", "objects", "files", "list files"], "list_objects"),
            ],
        },
        new()
        {
            Id = "jira", Name = "Jira", Icon = "jira", Assembly = "Mosaic.Connectors.Jira",
            Description = "Search, read, create and update issues",
            CredentialFields =
            [
                new("url", "Jira URL", "url", true, "JIRA_URL") { Placeholder = "https://your-company.atlassian.net" },
                new("email", "Email", "text", false, "JIRA_EMAIL") { Help = "The account that owns the API token (Jira Cloud)." },
                new("api_token", "API Token", "password", true, "JIRA_API_TOKEN"),
                new("default_project", "Default project", "text", false, null) { Placeholder = "ACME" },
            ],
            DirectRouting =
            [
                new(["project", "projects"], "list_projects"),
                new(["issue", "issues", "ticket", "tickets", "bug", "bugs", "jql"], "query_jira"),
            ],
        },
        new()
        {
            Id = "mysql", Name = "MySQL", Icon = "mysql", Assembly = "Mosaic.Connectors.MySql",
            Description = "Explore tables and run read-only SQL queries",
            CredentialFields =
            [
                new("host", "Host", "text", false, "MYSQL_HOST") { Placeholder = "db.internal" },
                new("port", "Port", "number", false, "MYSQL_PORT") { Placeholder = "3306" },
                new("user", "User", "text", false, "MYSQL_USER"),
                new("password", "Password", "password", false, "MYSQL_PASSWORD"),
                new("database", "Database", "text", false, "MYSQL_DATABASE")
                {
                    Check = v => SystemSchemas.RefuseDatabase(v) is { } refusal ? $"Database refused: {refusal}." : null,
                },
                new("ssl_mode", "SSL mode", "text", false, "MYSQL_SSL_MODE") { Placeholder = "Preferred" },
                new("sqlite_path", "SQLite file", "text", false, "SQLITE_PATH")
                {
                    Help = "Instead of a server: the path of a SQLite database file " +
                           "in a directory the operator allows (MOSAIC_SQLITE_DIRS).",
                    SqliteFile = true,
                },
            ],
            OperatorVariables = [SqliteFilePolicy.DirsVariable, SqliteFilePolicy.DataDirVariable],
            CredentialRules =
            [
                new("Give host, user and database, or sqlite_path.",
                    f => (f.ContainsKey("host") && f.ContainsKey("user") && f.ContainsKey("database")) || f.ContainsKey("sqlite_path")),
            ],
            DirectRouting =
            [
                new(["tables", "list tables", "show tables"], "list_tables"),
                new(["describe", "schema", "columns"], "describe_table"),
            ],
        },
        new()
        {
            Id = "slack", Name = "Slack", Icon = "slack", Assembly = "Mosaic.Connectors.Slack",
            Description = "Search messages, channels, and users",
            CredentialFields =
            [
                new("bot_token", "Bot Token", "password", true, "SLACK_BOT_TOKEN") { Placeholder = "xoxb-…" },
                new("user_token", "User Token", "password", false, "SLACK_USER_TOKEN") { Help = "Needed for message search." },
                new("api_url", "API URL", "url", false, "SLACK_API_URL") { Help = "Leave empty for slack.com." },
                new("default_channel", "Default channel", "text", false, null) { Placeholder = "#general" },
            ],
            DirectRouting =
            [
                new(["search"], "search_messages"),
                new(["channel", "channels"], "list_channels"),
                new(["dm", "dms", "direct message"], "list_dms"),
                new(["user", "users", "who"], "list_users"),
                new(["message", "messages"], "read_messages"),
            ],
        },
        new()
        {
            Id = "github", Name = "GitHub", Icon = "github", Assembly = "Mosaic.Connectors.GitHub",
            Description = "Repositories, issues, pull requests, commits and CI runs",
            CredentialFields =
            [
                new("token", "Personal Access Token", "password", true, "GITHUB_TOKEN") { Placeholder = "ghp_… or github_pat_…" },
                new("api_url", "API URL", "url", false, "GITHUB_API_URL") { Help = "Only for GitHub Enterprise Server." },
            ],
            DirectRouting =
            [
                new(["pull request", "pull requests", "pr", "prs"], "list_pull_requests"),
                new(["issue", "issues"], "list_issues"),
                new(["commit", "commits"], "list_commits"),
                new(["branch", "branches"], "list_branches"),
                new(["workflow", "workflows", "ci", "build", "actions"], "get_workflow_runs"),
                new(["repo", "repos", "repository", "repositories"], "list_repositories"),
            ],
        },
        new()
        {
            Id = "shopify", Name = "Shopify", Icon = "shopify", Assembly = "Mosaic.Connectors.Shopify",
            Description = "Orders, products and inventory",
            CredentialFields =
            [
                new("shop_url", "Shop URL", "url", true, "SHOPIFY_SHOP_URL") { Placeholder = "https://your-shop.myshopify.com" },
                new("access_token", "Admin API access token", "password", true, "SHOPIFY_ACCESS_TOKEN") { Placeholder = "shpat_…" },
                new("api_version", "API version", "text", false, "SHOPIFY_API_VERSION") { Placeholder = "2025-01" },
            ],
            DirectRouting =
            [
                new(["inventory", "stock"], "get_inventory"),
                new(["product", "products"], "list_products"),
                new(["order", "orders"], "list_orders"),
            ],
        },
        new()
        {
            Id = "google_workspace", Name = "Google Workspace", Icon = "google", Assembly = "Mosaic.Connectors.GoogleWorkspace",
            Description = "Gmail, Calendar, Drive, Docs and Sheets",
            CredentialFields =
            [
                new("client_id", "OAuth Client ID", "text", true, "GOOGLE_OAUTH_CLIENT_ID"),
                new("client_secret", "OAuth Client Secret", "password", true, "GOOGLE_OAUTH_CLIENT_SECRET"),
                new("refresh_token", "Refresh Token", "password", true, "GOOGLE_REFRESH_TOKEN"),
                new("api_base_url", "API base URL", "url", false, "GOOGLE_API_BASE_URL") { Help = "Leave empty for Google's APIs." },
            ],
            DirectRouting =
            [
                new(["calendar", "meeting", "meetings", "event", "events", "schedule"], "get_events"),
                new(["email", "emails", "gmail", "inbox", "mail"], "list_messages"),
                new(["spreadsheet", "sheet", "sheets"], "get_spreadsheet"),
                new(["drive", "file", "files", "document", "documents", "doc", "docs"], "search_drive_files"),
            ],
        },
    ];
}
