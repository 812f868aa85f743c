using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class QueueCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_Status_SubmittedAtUtc_Id",
                table: "PortRequests");

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_Queue",
                table: "PortRequests",
                columns: new[] { "Status", "SubmittedAtUtc", "Id", "StatusChangedAtUtc", "FocDate", "CarrierCode", "AssignedToUserId", "AccountId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_Queue",
                table: "PortRequests");

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_Status_SubmittedAtUtc_Id",
                table: "PortRequests",
                columns: new[] { "Status", "SubmittedAtUtc", "Id" });
        }
    }
}
