using Microsoft.EntityFrameworkCore.Design;

namespace OomaPorting.Web.Data;

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer("Server=localhost;Database=OomaPorting;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
