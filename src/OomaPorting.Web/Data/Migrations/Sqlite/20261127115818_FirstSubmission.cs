using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FirstSubmission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_CompletedAtUtc",
                table: "PortRequests");

            migrationBuilder.DropIndex(
                name: "IX_PortRequestEvents_OccurredAtUtc",
                table: "PortRequestEvents");

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstSubmittedAtUtc",
                table: "PortRequests",
                type: "TEXT",
                nullable: true);

            // The requests already submitted: their first submission is their "Submitted" event (later ones are
            // "Resubmitted").
            migrationBuilder.Sql(
                """
                UPDATE "PortRequests" SET "FirstSubmittedAtUtc" = COALESCE((SELECT MIN(e."OccurredAtUtc") FROM "PortRequestEvents" AS e WHERE e."PortRequestId" = "PortRequests"."Id" AND e."Kind" = 'Submitted'), "SubmittedAtUtc") WHERE "SubmittedAtUtc" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_Completed",
                table: "PortRequests",
                columns: new[] { "CompletedAtUtc", "FirstSubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_FirstSubmitted",
                table: "PortRequests",
                columns: new[] { "FirstSubmittedAtUtc", "Id", "CarrierCode", "NumberType", "CarrierOtherName" });

            migrationBuilder.CreateIndex(
                name: "IX_PortRequestEvents_Window",
                table: "PortRequestEvents",
                columns: new[] { "OccurredAtUtc", "Kind", "PortRequestId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_Completed",
                table: "PortRequests");

            migrationBuilder.DropIndex(
                name: "IX_PortRequests_FirstSubmitted",
                table: "PortRequests");

            migrationBuilder.DropIndex(
                name: "IX_PortRequestEvents_Window",
                table: "PortRequestEvents");

            migrationBuilder.DropColumn(
                name: "FirstSubmittedAtUtc",
                table: "PortRequests");

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_CompletedAtUtc",
                table: "PortRequests",
                column: "CompletedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PortRequestEvents_OccurredAtUtc",
                table: "PortRequestEvents",
                column: "OccurredAtUtc");
        }
    }
}
