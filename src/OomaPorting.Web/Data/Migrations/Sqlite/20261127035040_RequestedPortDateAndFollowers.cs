using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestedPortDateAndFollowers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequestedHalfDay",
                table: "PortRequests",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RequestedPortDate",
                table: "PortRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RequestedPortDate",
                table: "PortRequestEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FollowsPorts",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequestedHalfDay",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "RequestedPortDate",
                table: "PortRequests");

            migrationBuilder.DropColumn(
                name: "RequestedPortDate",
                table: "PortRequestEvents");

            migrationBuilder.DropColumn(
                name: "FollowsPorts",
                table: "AspNetUsers");
        }
    }
}
