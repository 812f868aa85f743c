using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PerNumberOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FollowUpOfId",
                table: "PortRequests",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpOfReference",
                table: "PortRequests",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FollowUpRequestId",
                table: "PortRequestEvents",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LineCount",
                table: "PortRequestEvents",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FollowUpRequestId",
                table: "PortLines",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PortedAtUtc",
                table: "PortLines",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusalComment",
                table: "PortLines",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusalReason",
                table: "PortLines",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            // Numbers now have their own outcome: those of a dated request are confirmed for its FOC date, those of a
            // completed one were ported on its completion (docs/operations.md, "Long migrations").
            migrationBuilder.Sql(
                "UPDATE PortLines SET Status = 'Confirmed' WHERE Status = 'Pending' AND PortRequestId IN "
                + "(SELECT Id FROM PortRequests WHERE Status IN ('FocConfirmed', 'TestCall'));");
            migrationBuilder.Sql(
                "UPDATE PortLines SET PortedAtUtc = (SELECT r.CompletedAtUtc FROM PortRequests r WHERE r.Id = PortLines.PortRequestId) "
                + "WHERE Status = 'Ported';");

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_FollowUpOfId",
                table: "PortRequests",
                column: "FollowUpOfId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_FollowUpOfId",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "FollowUpOfId",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "FollowUpOfReference",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "FollowUpRequestId",
                table: "PortRequestEvents");

            migrationBuilder.DropColumn(
                name: "LineCount",
                table: "PortRequestEvents");

            migrationBuilder.DropColumn(
                name: "FollowUpRequestId",
                table: "PortLines");

            migrationBuilder.DropColumn(
                name: "PortedAtUtc",
                table: "PortLines");

            migrationBuilder.DropColumn(
                name: "RefusalComment",
                table: "PortLines");

            migrationBuilder.DropColumn(
                name: "RefusalReason",
                table: "PortLines");
        }
    }
}
