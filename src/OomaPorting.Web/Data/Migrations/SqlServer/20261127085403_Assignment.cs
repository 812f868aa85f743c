using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Assignment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedToName",
                table: "PortRequests",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToUserId",
                table: "PortRequests",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssigneeName",
                table: "PortRequestEvents",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortRequests_AssignedToUserId_Status",
                table: "PortRequests",
                columns: new[] { "AssignedToUserId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PortRequests_AssignedToUserId_Status",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "AssignedToName",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "AssignedToUserId",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "AssigneeName",
                table: "PortRequestEvents");
        }
    }
}
