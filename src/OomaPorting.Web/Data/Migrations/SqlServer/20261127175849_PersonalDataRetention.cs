using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PersonalDataRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "MandatesDeletedAtUtc",
                table: "PortRequests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PersonalDataErasedAtUtc",
                table: "PortRequests",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MandatesDeletedAtUtc",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "PersonalDataErasedAtUtc",
                table: "PortRequests");
        }
    }
}
