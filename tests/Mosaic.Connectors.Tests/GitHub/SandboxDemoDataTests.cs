using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Data.Sqlite;
using Mosaic.Connectors.Tests.Infrastructure;
using MySqlConnector;

namespace Mosaic.Connectors.Tests.GitHub;

/// <summary>The Sandbox's demo data: the SQLite file --print-env points to, the MariaDB SQL, and the S3 upload.</summary>
public sealed class SandboxDemoDataTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string DoubleChargeQuery =
        "SELECT t.ticket_key, o.total, (SELECT COUNT(*) FROM payments p WHERE p.order_id = o.id AND p.kind = 'sale') "
        + "FROM support_tickets t JOIN orders o ON o.id = t.order_id WHERE o.order_number = 1042";

    [Fact]
    public async Task The_sqlite_demo_database_tells_the_double_charge_story_with_recent_dates()
    {
        var path = sandbox.EnvFor("mysql")["SQLITE_PATH"];
        Assert.True(File.Exists(path), $"{path} missing");
        await using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await db.OpenAsync();
        await using var story = new SqliteCommand(DoubleChargeQuery, db);
        await using (var r = await story.ExecuteReaderAsync())
        {
            Assert.True(await r.ReadAsync());
            Assert.Equal("SUP-2038", r.GetString(0));
            Assert.Equal(224.10m, r.GetDecimal(1));
            Assert.Equal(2, r.GetInt32(2));
        }
        await using var newest = new SqliteCommand("SELECT MAX(created_at) FROM orders", db);
        var latest = DateTime.Parse((string)(await newest.ExecuteScalarAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(latest, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow);
    }

    [Fact]
    public async Task The_mysql_connector_opens_the_demo_database_with_the_printed_environment_alone()
    {
        // --print-env names the demo data's directory in MOSAIC_SQLITE_DIRS; without it the connector would refuse the file.
        Assert.Equal(Path.GetDirectoryName(sandbox.EnvFor("mysql")["SQLITE_PATH"]), sandbox.EnvFor("mysql")["MOSAIC_SQLITE_DIRS"]);
        await using var mysql = await ConnectorProcess.StartAsync("MySql", sandbox.EnvFor("mysql"));
        const string sql = "SELECT ticket_key FROM support_tickets WHERE ticket_key = 'SUP-2038'";
        var data = (await mysql.CallAsync("execute_query", new { sql })).Ok();
        Assert.Equal("SUP-2038", data.GetProperty("rows")[0][0].GetString());
    }

    [Fact]
    public async Task The_mariadb_sql_loads_and_agrees_with_the_sqlite_copy()
    {
        var database = $"demo_{TestServices.UniqueSuffix()}";
        var sql = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(SandboxFixture.DllPath)!, "Demo", "acme-mysql.sql"));
        await using var server = new MySqlConnection(TestServices.MariaDb + ";AllowUserVariables=true");
        await server.OpenAsync();
        await new MySqlCommand($"CREATE DATABASE {database}", server).ExecuteNonQueryAsync();
        try
        {
            await server.ChangeDatabaseAsync(database);
            await new MySqlCommand(sql, server).ExecuteNonQueryAsync();
            await using var r = await new MySqlCommand(DoubleChargeQuery, server).ExecuteReaderAsync();
            Assert.True(await r.ReadAsync());
            Assert.Equal(("SUP-2038", 224.10m, 2L), (r.GetString(0), r.GetDecimal(1), r.GetInt64(2)));
            await r.CloseAsync();
            foreach (var table in new[] { "customers", "products", "orders", "order_items", "payments", "support_tickets" })
                Assert.Equal(
                    await CountSqliteAsync(table),
                    Convert.ToInt64(await new MySqlCommand($"SELECT COUNT(*) FROM {table}", server).ExecuteScalarAsync())
                );
            var newest = (DateTime)(await new MySqlCommand("SELECT MAX(created_at) FROM orders", server).ExecuteScalarAsync())!;
            Assert.InRange(newest, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddHours(1));
        }
        finally
        {
            await new MySqlCommand($"DROP DATABASE {database}", server).ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Seed_s3_uploads_every_demo_file_byte_for_byte()
    {
        var prefix = $"t{TestServices.UniqueSuffix()}-";
        await SandboxFixture.SeedS3Async(TestServices.S3Url, prefix);
        using var s3 = new AmazonS3Client(
            new BasicAWSCredentials("S3RVER", "S3RVER"),
            new AmazonS3Config
            {
                ServiceURL = TestServices.S3Url,
                ForcePathStyle = true,
                AuthenticationRegion = "us-east-1",
            }
        );
        var root = Path.Combine(Path.GetDirectoryName(SandboxFixture.DllPath)!, "Demo", "s3");
        try
        {
            foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
                using var got = await s3.GetObjectAsync(prefix + relative[0], string.Join('/', relative[1..]));
                using var copy = new MemoryStream();
                await got.ResponseStream.CopyToAsync(copy);
                Assert.Equal(await File.ReadAllBytesAsync(file), copy.ToArray());
            }
        }
        finally
        {
            foreach (var bucket in Directory.GetDirectories(root).Select(d => prefix + Path.GetFileName(d)))
            {
                foreach (var o in (await s3.ListObjectsV2Async(new() { BucketName = bucket })).S3Objects ?? [])
                    await s3.DeleteObjectAsync(bucket, o.Key);
                await s3.DeleteBucketAsync(bucket);
            }
        }
    }

    private async Task<long> CountSqliteAsync(string table)
    {
        await using var db = new SqliteConnection($"Data Source={sandbox.EnvFor("mysql")["SQLITE_PATH"]};Mode=ReadOnly");
        await db.OpenAsync();
        return (long)(await new SqliteCommand($"SELECT COUNT(*) FROM {table}", db).ExecuteScalarAsync())!;
    }
}
