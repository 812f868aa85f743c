using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.Retention;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Webhooks;
using OomaPorting.Web.Tests.Infrastructure;
using OomaPorting.Web.Tests.Security;

namespace OomaPorting.Web.Tests.Data;

/// <summary>
/// Every query the portal compiles, translated for SQL Server without a server. The access matrix's portal (every
/// route, every role, every API key's calls) and a port's whole life run on SQLite, where <see cref="QueryCapture"/> keeps each
/// LINQ query as EF Core is about to compile it (every test portal's, in fact); each is then compiled by the SQL Server provider (its own model,
/// filters and translators) exactly as SQL Server's portal would. A query SQL Server cannot translate (a SQLite-only
/// function, a client evaluation the SQL Server translator refuses) fails here, named.
/// </summary>
public class SqlServerTranslationTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Points the query's roots at the SQL Server model's entity types.</summary>
    private sealed class Retarget(IModel model) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node) => node switch
        {
            EntityQueryRootExpression root => new EntityQueryRootExpression(model.FindEntityType(root.EntityType.Name)
                ?? throw new InvalidOperationException($"{root.EntityType.Name} is not in the SQL Server model.")),
            _ => base.VisitExtension(node),
        };
    }

    private static readonly MethodInfo Compile = typeof(IDatabase).GetMethod(nameof(IDatabase.CompileQuery))!;

    private static void CompileForSqlServer(SqlServerAppDbContext target, Expression query)
    {
        var retargeted = new Retarget(target.Model).Visit(query);
        var sequence = retargeted.Type.IsGenericType && retargeted.Type.GetGenericTypeDefinition() == typeof(IQueryable<>)
            ? retargeted.Type
            : retargeted.Type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryable<>));
        var result = sequence is null ? retargeted.Type : typeof(IEnumerable<>).MakeGenericType(sequence.GetGenericArguments()[0]);
        try
        {
            Compile.MakeGenericMethod(result).Invoke(target.GetService<IDatabase>(), [retargeted, false]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    [Fact]
    public void The_check_refuses_what_sql_server_cannot_translate_and_accepts_what_it_can()
    {
        // The control, through the same capture: SQLite's GLOB has no SQL Server translation; the same filter with LIKE has.
        var capture = new QueryCapture();
        using var sqlite = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").AddInterceptors(capture).Options);
        var prefix = "Cab";
        Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() =>
            sqlite.Accounts.IgnoreQueryFilters().Where(a => EF.Functions.Glob(a.CompanyName, prefix + "*")).Select(a => a.Id).ToList()); // no tables: the capture is what counts
        var glob = Assert.Single(capture.Queries).Value;
        capture.Queries.Clear();
        Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() =>
            sqlite.Accounts.IgnoreQueryFilters().Where(a => EF.Functions.Like(a.CompanyName, prefix + "%")).Select(a => a.Id).ToList());
        var like = Assert.Single(capture.Queries).Value;

        using var target = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.Contains("could not be translated", Assert.Throws<InvalidOperationException>(() => CompileForSqlServer(target, glob)).Message, StringComparison.Ordinal);
        CompileForSqlServer(target, like);
    }

    [SqliteFact]
    public async Task Every_query_the_pages_the_api_and_the_jobs_compile_translates_for_sql_server()
    {
        var fx = new AccessMatrixFixture();
        await fx.InitializeAsync();
        try
        {
            // Every route as an admin, a user, support, a plain agent and another account's admin; every API route with a write key.
            Role[] roles = [Role.MartinAdmin, Role.MartinUser, Role.Support, Role.SupportAgent, Role.DurandAdmin];
            foreach (var route in AccessMatrixTests.Matrix.Keys.Where(k => k != "POST /compte/deconnexion"))
            {
                var (method, pattern) = (route.Split(' ')[0], route.Split(' ')[1]);
                if (pattern.StartsWith("/api/", StringComparison.Ordinal))
                {
                    var api = ApiClients.For(fx.Factory, fx.ApiKeys[KeyHolder.MartinWrite]);
                    var path = await fx.PathAsync(method, pattern);
                    _ = method != "POST" ? await api.GetAsync(path)
                        : pattern.EndsWith("/documents", StringComparison.Ordinal) ? await api.PostAsync(path, AccessMatrixTests.BillForm())
                        : await api.PostJsonAsync(path, AccessMatrixTests.ApiBody(pattern));
                    continue;
                }

                foreach (var role in roles)
                {
                    var client = fx.Clients[role];
                    var path = await fx.PathAsync(method, pattern);
                    _ = method == "POST"
                        ? await PortalClient.PostWithTokenAsync(client, path, await PortalClient.TokenAsync(client, AccessMatrixTests.TokenPage(role)), new Dictionary<string, string>())
                        : await client.GetAsync(path);
                }
            }

            // A port's whole life, the queue's sorts and filters, and every background job's pass.
            var (id, _) = await Wizard.SubmittedAsync(fx.Factory);
            var support = await SupportDesk.SignInAsync(fx.Factory);
            await support.CheckDocumentsIfWaitingAsync(id);
            await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
            await support.DoAsync(id, "annuler", new() { ["Reason"] = "Demande du client." });
            foreach (var query in new[] { "Sort=age", "Sort=foc", "Late=true", "Assigned=moi", "Turn=Customer", "Search=POR", "Search=01 42", "Account=Martin", "Status=All" })
            {
                await support.Client.GetAsync($"/support/portages?{query}");
            }

            var services = fx.Factory.Services;
            await services.GetRequiredService<PersonalDataRetention>().ApplyAsync(CancellationToken.None);
            await services.GetRequiredService<Web.Features.PortingWizard.DraftPurge>().PurgeAsync(CancellationToken.None);
            await services.GetRequiredService<OutboxProcessor>().TakeBackFromEndedAsync(CancellationToken.None);
            await services.GetRequiredService<OutboxProcessor>().DispatchDueAsync(CancellationToken.None);
            await services.GetRequiredService<WebhookProcessor>().TakeBackFromEndedAsync(CancellationToken.None);
            await services.GetRequiredService<WebhookProcessor>().DispatchDueAsync(CancellationToken.None);
            foreach (var job in services.GetServices<IScheduledEmails>())
            {
                await job.EnqueueDueAsync(CancellationToken.None);
            }

            var exports = services.GetRequiredService<Web.Features.AccountData.AccountExportBuilder>();
            await exports.BuildNextAsync(CancellationToken.None);
            await exports.PurgeExpiredAsync(CancellationToken.None);
        }
        finally
        {
            await fx.DisposeAsync();
        }

        // Each kept query, compiled by SQL Server's provider.
        var queries = QueryCapture.Shared.Queries.ToList(); // this walk's, and those of the tests that ran before in this process
        Assert.True(queries.Count >= 150, $"Only {queries.Count} queries were seen: the walk no longer reaches the portal.");
        using var target = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var failures = new List<string>();
        foreach (var (text, query) in queries)
        {
            try
            {
                CompileForSqlServer(target, query);
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or InvalidCastException)
            {
                failures.Add($"{e.GetType().Name}: {e.Message.Split('\n')[0]}\n    {text.Replace("\n", "\n    ", StringComparison.Ordinal)}");
            }
        }

        output.WriteLine($"{queries.Count} distinct queries compiled for SQL Server, {failures.Count} refused.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {queries.Count} queries do not translate for SQL Server:\n" + string.Join("\n", failures.Take(10)));
    }
}
