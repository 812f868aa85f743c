using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatusChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAtUtc",
                table: "PortRequests",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Requests from before this version: their last change is the best known time they entered their status.
            migrationBuilder.Sql("UPDATE PortRequests SET StatusChangedAtUtc = UpdatedAtUtc;");

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_Status_StatusChangedAtUtc",
                table: "PortRequests",
                columns: new[] { "Status", "StatusChangedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_Status_StatusChangedAtUtc",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "StatusChangedAtUtc",
                table: "PortRequests");
        }
    }
}
