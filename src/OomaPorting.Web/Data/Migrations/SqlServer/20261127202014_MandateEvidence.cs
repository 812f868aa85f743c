using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MandateEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HolderSiret",
                table: "PortRequests",
                type: "nvarchar(14)",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Seal",
                table: "Mandates",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SealKeyId",
                table: "Mandates",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerCapacity",
                table: "Mandates",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerCapacityDetail",
                table: "Mandates",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HolderSiret",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "Seal",
                table: "Mandates");

            migrationBuilder.DropColumn(
                name: "SealKeyId",
                table: "Mandates");

            migrationBuilder.DropColumn(
                name: "SignerCapacity",
                table: "Mandates");

            migrationBuilder.DropColumn(
                name: "SignerCapacityDetail",
                table: "Mandates");
        }
    }
}
