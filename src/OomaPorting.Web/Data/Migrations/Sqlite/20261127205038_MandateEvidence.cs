using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmationEmail",
                table: "Mandates",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmationMethod",
                table: "Mandates",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedAtUtc",
                table: "Mandates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Seal",
                table: "Mandates",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SealKeyId",
                table: "Mandates",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerCapacity",
                table: "Mandates",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerCapacityDetail",
                table: "Mandates",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SignatureCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PortRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Salt = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 32, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RequestVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    PendingSignature = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignatureCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignatureCodes_PortRequests_PortRequestId",
                        column: x => x.PortRequestId,
                        principalTable: "PortRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignatureCodes_PortRequestId_UserId_SentAtUtc",
                table: "SignatureCodes",
                columns: new[] { "PortRequestId", "UserId", "SentAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignatureCodes");

            migrationBuilder.DropColumn(
                name: "HolderSiret",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "ConfirmationEmail",
                table: "Mandates");

            migrationBuilder.DropColumn(
                name: "ConfirmationMethod",
                table: "Mandates");

            migrationBuilder.DropColumn(
                name: "ConfirmedAtUtc",
                table: "Mandates");

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
