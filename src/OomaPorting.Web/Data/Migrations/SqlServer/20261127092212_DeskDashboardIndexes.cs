using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DeskDashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_CompletedAtUtc",
                table: "PortRequests",
                column: "CompletedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PortRequestEvents_Kind_OccurredAtUtc",
                table: "PortRequestEvents",
                columns: new[] { "Kind", "OccurredAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_CompletedAtUtc",
                table: "PortRequests");

            migrationBuilder.DropIndex(
                name: "IX_PortRequestEvents_Kind_OccurredAtUtc",
                table: "PortRequestEvents");
        }
    }
}
