using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SupportQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_FocDate_Id",
                table: "PortRequests",
                columns: new[] { "FocDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_SubmittedAtUtc_Id",
                table: "PortRequests",
                columns: new[] { "SubmittedAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_FocDate_Id",
                table: "PortRequests");

            migrationBuilder.DropIndex(
                name: "IX_PortRequests_SubmittedAtUtc_Id",
                table: "PortRequests");
        }
    }
}
