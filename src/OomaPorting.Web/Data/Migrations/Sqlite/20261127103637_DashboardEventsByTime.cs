using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardEventsByTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequestEvents_Kind_OccurredAtUtc",
                table: "PortRequestEvents");

            migrationBuilder.CreateIndex(
                name: "IX_PortRequestEvents_OccurredAtUtc",
                table: "PortRequestEvents",
                column: "OccurredAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequestEvents_OccurredAtUtc",
                table: "PortRequestEvents");

            migrationBuilder.CreateIndex(
                name: "IX_PortRequestEvents_Kind_OccurredAtUtc",
                table: "PortRequestEvents",
                columns: new[] { "Kind", "OccurredAtUtc" });
        }
    }
}
