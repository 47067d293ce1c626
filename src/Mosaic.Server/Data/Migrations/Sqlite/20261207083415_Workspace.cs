using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mosaic.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Workspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "disabled_at",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "role",
                table: "users",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "member");

            migrationBuilder.AddColumn<DateTime>(
                name: "sessions_valid_after",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "identity",
                table: "credentials",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "identity_checked_at",
                table: "credentials",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    user_email = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    tool = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    arguments = table.Column<string>(type: "TEXT", nullable: true),
                    approval = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    duration_ms = table.Column<double>(type: "REAL", nullable: true),
                    from_cache = table.Column<bool>(type: "INTEGER", nullable: true),
                    session_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    request_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    detail = table.Column<string>(type: "TEXT", nullable: true),
                    ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "invites",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    used_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    used_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invites", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "source_settings",
                columns: table => new
                {
                    source_id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    connection = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    fixed_settings = table.Column<string>(type: "TEXT", nullable: true),
                    disabled_tools = table.Column<string>(type: "TEXT", nullable: true),
                    always_ask_tools = table.Column<string>(type: "TEXT", nullable: true),
                    writes_disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_source_settings", x => x.source_id);
                });

            migrationBuilder.CreateTable(
                name: "workspace_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workspace_settings", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "idx_audit_at",
                table: "audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "idx_audit_source_at",
                table: "audit_log",
                columns: new[] { "source", "at" });

            migrationBuilder.CreateIndex(
                name: "idx_audit_user_at",
                table: "audit_log",
                columns: new[] { "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "uq_invites_token",
                table: "invites",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "invites");

            migrationBuilder.DropTable(
                name: "source_settings");

            migrationBuilder.DropTable(
                name: "workspace_settings");

            migrationBuilder.DropColumn(
                name: "disabled_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "role",
                table: "users");

            migrationBuilder.DropColumn(
                name: "sessions_valid_after",
                table: "users");

            migrationBuilder.DropColumn(
                name: "identity",
                table: "credentials");

            migrationBuilder.DropColumn(
                name: "identity_checked_at",
                table: "credentials");
        }
    }
}
