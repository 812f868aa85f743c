using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentsPrecheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_AccountQueue",
                table: "PortRequests");

            migrationBuilder.DropIndex(
                name: "IX_PortRequests_Queue",
                table: "PortRequests");

            migrationBuilder.AddColumn<DateTime>(
                name: "DocumentsCheckedAtUtc",
                table: "PortRequests",
                type: "TEXT",
                nullable: true);

            // Requests submitted before the pre-check existed went to the carrier as they were: they count as checked, so
            // the desk's FOC form stays open for them and none is flagged late for a check nobody could do.
            migrationBuilder.Sql("UPDATE PortRequests SET DocumentsCheckedAtUtc = SubmittedAtUtc WHERE Status <> 'Draft' AND SubmittedAtUtc IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_AccountQueue",
                table: "PortRequests",
                columns: new[] { "AccountId", "Status", "SubmittedAtUtc", "Id", "StatusChangedAtUtc", "FocDate", "CarrierCode", "AssignedToUserId", "DocumentsCheckedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_Queue",
                table: "PortRequests",
                columns: new[] { "Status", "SubmittedAtUtc", "Id", "StatusChangedAtUtc", "FocDate", "CarrierCode", "AssignedToUserId", "AccountId", "DocumentsCheckedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_AccountQueue",
                table: "PortRequests");

            migrationBuilder.DropIndex(
                name: "IX_PortRequests_Queue",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "DocumentsCheckedAtUtc",
                table: "PortRequests");

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_AccountQueue",
                table: "PortRequests",
                columns: new[] { "AccountId", "Status", "SubmittedAtUtc", "Id", "StatusChangedAtUtc", "FocDate", "CarrierCode", "AssignedToUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_Queue",
                table: "PortRequests",
                columns: new[] { "Status", "SubmittedAtUtc", "Id", "StatusChangedAtUtc", "FocDate", "CarrierCode", "AssignedToUserId", "AccountId" });
        }
    }
}
