using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonalDataRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "MandatesDeletedAtUtc",
                table: "PortRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PersonalDataErasedAtUtc",
                table: "PortRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_MandatesDue",
                table: "PortRequests",
                columns: new[] { "MandatesDeletedAtUtc", "Status", "StatusChangedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_PersonalDataDue",
                table: "PortRequests",
                columns: new[] { "PersonalDataErasedAtUtc", "Status", "StatusChangedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_MandatesDue",
                table: "PortRequests");

            migrationBuilder.DropIndex(
                name: "IX_PortRequests_PersonalDataDue",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "MandatesDeletedAtUtc",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "PersonalDataErasedAtUtc",
                table: "PortRequests");
        }
    }
}
