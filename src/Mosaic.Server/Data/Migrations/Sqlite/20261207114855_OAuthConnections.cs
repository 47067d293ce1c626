using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mosaic.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OAuthConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "auth",
                table: "credentials",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "expires_at",
                table: "credentials",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reconnect_reason",
                table: "credentials",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "oauth_apps",
                columns: table => new
                {
                    provider = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    encrypted_secret = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oauth_apps", x => x.provider);
                });

            migrationBuilder.CreateTable(
                name: "oauth_states",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    session_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    encrypted_verifier = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    data = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oauth_states", x => x.id);
                    table.ForeignKey(
                        name: "FK_oauth_states_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oauth_states_user_id",
                table: "oauth_states",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "idx_oauth_states_expires",
                table: "oauth_states",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oauth_apps");

            migrationBuilder.DropTable(
                name: "oauth_states");

            migrationBuilder.DropColumn(
                name: "auth",
                table: "credentials");

            migrationBuilder.DropColumn(
                name: "expires_at",
                table: "credentials");

            migrationBuilder.DropColumn(
                name: "reconnect_reason",
                table: "credentials");
        }
    }
}
