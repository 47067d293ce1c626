using Mosaic.Server.Admin;
using Mosaic.Server.Agent;
using Mosaic.Server.Audit;
using Mosaic.Server.Auth;
using Mosaic.Server.Chat;
using Mosaic.Server.Commands;
using Mosaic.Server.Configuration;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;
using Mosaic.Server.Data;
using Mosaic.Server.Datasources;
using Mosaic.Server.Demo;
using Mosaic.Server.Digest;
using Mosaic.Server.Health;
using Mosaic.Server.Infrastructure;
using Mosaic.Server.OAuth;
using Mosaic.Server.OAuth.Mcp;
using Mosaic.Server.Telemetry;

var cli = MosaicCommandLine.Parse(args); // --demo, rotate-encryption-key, generate-key, backup <file>
if (cli.Command == "generate-key")
    return await CommandRunner.GenerateKeyAsync();
var builder = WebApplication.CreateBuilder(MosaicConfiguration.LoadEnvironment(cli.HostArgs)); // .env + ENVIRONMENT

builder.AddMosaicSettings(); // docs/configuration.md's variables, validated at start-up
builder.AddMosaicLogging(); // LOG_LEVEL, LOG_FORMAT=json
builder.AddTelemetry(); // traces and metrics: OTLP (OTEL_EXPORTER_OTLP_ENDPOINT), Prometheus (MOSAIC_METRICS)
builder.AddProblemHandling(); // snake_case JSON, ProblemDetails for every error
builder.AddDatabase(); // SQLite in MOSAIC_DATA_DIR, or MySQL/MariaDB when LOCAL_MYSQL_HOST is set
builder.AddRedis(); // REDIS_URL: shared cache, rate limits and credential-change notices across replicas
builder.AddAuth(); // JWT cookie sessions, logout, lockout, CSRF, the admin role
builder.AddPeople(); // roles, who may join (MOSAIC_SIGNUP, invitations), the people admins manage
builder.AddAudit(); // the append-only audit log
builder.AddAdminSources(); // the admin's source settings, shared connections and tool policy
builder.AddConnectors(); // the datasource registry
builder.AddCredentials(); // AES-GCM vault with key rotation
builder.AddMcpHub(); // one MCP session per (user, datasource): reused, restarted, capped
builder.AddDatasources(); // connection tests (whoami) and the identities they find
builder.AddOAuth(); // one-click connections: providers, OAuth apps, flows, refresh
builder.Services.AddMcpOAuth(); // remote MCP servers with "auth": "oauth": the SDK's OAuth client, tokens in the vault
builder.AddChat(); // LLM provider (Anthropic | OpenAI-compatible | Offline), tool loop, approvals
builder.AddAgent(); // multi-source questions (detect, ask in parallel, synthesize) and the What You Missed digest
builder.AddHealth();
builder.AddRateLimits(); // RATE_LIMIT_* per user / per IP
builder.AddMosaicCors(); // CORS_ORIGINS
builder.AddForwardedHeaders(); // TRUSTED_PROXIES
builder.AddOpenApiDocs();
builder.AddDemo(cli.Demo); // --demo: the demo account and sources; MOSAIC_FAKE_NOW sets its clock

var app = builder.Build();

app.UseMosaicForwardedHeaders();
app.UseProblemHandling();
app.UseSecurityHeaders();
app.UseWebUi(); // the built UI in wwwroot, when present
app.UseRouting();
app.UseCors();
app.UseRequestLogging();
app.UseAuth(); // authentication, then the CSRF check on state-changing requests
app.UseRateLimiter();
app.UseAuthorization();

app.MapAuthEndpoints();
app.MapPeopleEndpoints(); // /api/admin/users, /invites, /workspace; /api/auth/signup-policy and /invites/{token}
app.MapCredentialEndpoints();
app.MapSourceEndpoints();
app.MapOAuth(); // /api/oauth/{source}/start|callback, /api/admin/oauth
app.MapAdminSourceEndpoints();
app.MapChatEndpoints();
app.MapAgentEndpoints();
app.MapDigestEndpoints();
app.MapMcpOAuthEndpoints(); // /api/oauth/client-metadata.json: the Client ID Metadata Document for remote MCP servers
app.MapAuditEndpoints(); // the audit log for admins, and each member's own activity
app.MapHealthEndpoints();
app.MapOpenApiDocs();
app.MapWebUiFallback();

if (cli.Command == BackupCommand.Name)
    return await BackupCommand.RunAsync(app, cli.CommandArgs); // before migrations: a backup reads, never changes
await app.PrepareDatabaseAsync(); // migrations, retried while the database starts
if (cli.Command is { } command)
    return await app.RunCommandAsync(command);
await app.SeedDemoAsync(cli.Demo);
await app.RunAsync();
return 0;

public partial class Program;
