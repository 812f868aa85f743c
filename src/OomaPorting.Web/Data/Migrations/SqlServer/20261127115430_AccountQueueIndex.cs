using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AccountQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_AccountQueue",
                table: "PortRequests",
                columns: new[] { "AccountId", "Status", "SubmittedAtUtc", "Id", "StatusChangedAtUtc", "FocDate", "CarrierCode", "AssignedToUserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_AccountQueue",
                table: "PortRequests");
        }
    }
}
