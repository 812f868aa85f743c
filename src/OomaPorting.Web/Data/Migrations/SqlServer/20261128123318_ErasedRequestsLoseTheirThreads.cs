using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OomaPorting.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ErasedRequestsLoseTheirThreads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data only: the threads of requests erased under the 13-month rule before their messages went with them.
            migrationBuilder.Sql(@"DELETE FROM [PortRequestMessages] WHERE [PortRequestId] IN (SELECT [Id] FROM [PortRequests] WHERE [PersonalDataErasedAtUtc] IS NOT NULL);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Deleted messages do not come back.
        }
    }
}
