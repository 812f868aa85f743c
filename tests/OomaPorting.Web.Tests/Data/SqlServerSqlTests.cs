using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.Support;
using OomaPorting.Web.Features.SupportDashboard;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Tests.Data;

/// <summary>
/// No SQL Server runs here, so what the portal would send one is checked without a server: the idempotent migration
/// script parses with Microsoft's own T-SQL parser, and the queue's queries (every sort, the desk's filters, the urgency
/// and late rules inlined) translate under the SQL Server provider.
/// </summary>
public class SqlServerSqlTests
{
    private static SqlServerAppDbContext Context() => new SqlServerDesignTimeFactory().CreateDbContext([]);

    private static void AssertParses(string sql, string what)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, $"{what}: " + string.Join("\n", errors.Take(5).Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Fact]
    public void The_parser_refuses_what_sql_server_would()
    {
        // The control: SQLite's syntax (and a broken statement) does not pass for T-SQL.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertParses("SELECT \"Id\" FROM \"PortRequests\" LIMIT 25", "SQLite's LIMIT"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertParses("CREATE TABLE [X] ([Id] int", "unfinished"));
    }

    [Fact]
    public void The_idempotent_migration_script_is_valid_t_sql()
    {
        using var db = Context();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX [IX_PortRequests_AccountQueue]", script, StringComparison.Ordinal); // the latest migration is in it
        AssertParses(script, "migration script");
    }

    public static TheoryData<string, string> Queues()
    {
        var data = new TheoryData<string, string>();
        string[] filters = ["", "Late", "Assigned=moi", "Assigned=personne", "Account=Café", "Turn=Customer", "SubmittedFrom", "FocTo", "Search=POR-2026-000001",
            "Search=01 45 00 00 00"];
        foreach (var sort in new[] { SearchRequests.SortByUrgency, SearchRequests.SortByAge, SearchRequests.SortByFoc })
        {
            foreach (var filter in filters)
            {
                data.Add(sort, filter);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Queues))]
    public void The_queue_translates_for_sql_server_under_every_sort_filter_and_cursor(string sort, string filter)
    {
        using var db = Context();
        var query = new SearchRequests.Query
        {
            Sort = sort,
            Late = filter == "Late",
            Assigned = filter.StartsWith("Assigned=", StringComparison.Ordinal) ? filter[9..] : null,
            Account = filter.StartsWith("Account=", StringComparison.Ordinal) ? filter[8..] : null,
            Turn = filter.StartsWith("Turn=", StringComparison.Ordinal) ? filter[5..] : null,
            SubmittedFrom = filter == "SubmittedFrom" ? "2026-11-01" : null,
            FocTo = filter == "FocTo" ? "2026-12-31" : null,
            Search = filter.StartsWith("Search=", StringComparison.Ordinal) ? filter[7..] : null,
        };
        var cutoffs = SlaCutoffs.At(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), BusinessCalendar.France, new SlaLimits(10, 5));
        var cursor = KeysetCursor.Write(1, new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc).Ticks, Guid.NewGuid());
        var filtered = SearchRequests.Filter(db, query, cutoffs, "agent-1");

        // The statements the queue runs: a page of one sort after a cursor, or of one urgency tier and the tiers after
        // it; and the export's whole order.
        string[] statements = sort == SearchRequests.SortByUrgency
            ?
            [
                SearchRequests.Rows(db, SearchRequests.Tier(filtered, Urgency.DueToday, cutoffs, cursor).Take(26).Select(r => r.Id), sort, cutoffs).ToQueryString(),
                SearchRequests.Rows(db, SearchRequests.TiersAfter(filtered, Urgency.Late, cutoffs, 26), sort, cutoffs).ToQueryString(),
                SearchRequests.Sorted(filtered, sort, cutoffs).Select(r => r.Id).ToQueryString(),
                SearchRequests.Tier(SearchRequests.Filter(db, query, cutoffs, "agent-1", [Guid.NewGuid(), Guid.NewGuid()]), Urgency.Late, cutoffs)
                    .Take(26).Select(r => r.Id).ToQueryString(),
            ]
            : [SearchRequests.Rows(db, SearchRequests.Sorted(filtered, sort, cutoffs, cursor).Take(26).Select(r => r.Id), sort, cutoffs).ToQueryString()];
        foreach (var sql in statements)
        {
            AssertParses(sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..], $"{sort} {filter}");
        }
    }

    [Fact]
    public void The_numbers_availability_check_translates_for_sql_server()
    {
        using var db = Context();
        var sql = Web.Features.PortingWizard.EnterLines.InRequestsUnderWay(db, Guid.NewGuid(),
            [Domain.Numbers.FrenchNumber.Parse("01 45 00 00 00"), Domain.Numbers.FrenchNumber.Parse("01 45 00 00 01")]).ToQueryString();
        Assert.Contains("EXISTS", sql, StringComparison.Ordinal);
        Assert.Contains("OPENJSON", sql, StringComparison.Ordinal); // 1,000 numbers travel as one JSON parameter, not 1,000
        AssertParses(sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..], sql);
    }

    [Fact]
    public void The_dashboard_s_queries_translate_for_sql_server()
    {
        using var db = Context();
        var at = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        var cutoffs = SlaCutoffs.At(at, BusinessCalendar.France, new SlaLimits(10, 5));
        string[] queries =
        [
            GetDeskDashboard.Queries.ByStatus(db).ToQueryString(), GetDeskDashboard.Queries.Late(db, cutoffs).ToQueryString(),
            GetDeskDashboard.Queries.Submissions(db, at.AddDays(-7), at).ToQueryString(), GetDeskDashboard.Queries.Completions(db, at.AddDays(-7), at).ToQueryString(),
            GetDeskDashboard.Queries.Spans(db, at.AddDays(-90)).ToQueryString(), GetDeskDashboard.Queries.SentBacks(db, at.AddDays(-90)).ToQueryString(),
            GetDeskDashboard.Queries.Firsts(db, at.AddDays(-90)).ToQueryString(), GetDeskDashboard.Queries.FocDatesSet(db, at.AddDays(-90)).ToQueryString(),
            GetDeskDashboard.Queries.NumberRefusals(db, at.AddDays(-90)).ToQueryString(),
        ];
        foreach (var sql in queries)
        {
            AssertParses(sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..], sql);
        }
    }
}
