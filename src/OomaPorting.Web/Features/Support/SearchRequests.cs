using System.Globalization;
using System.Text;

namespace OomaPorting.Web.Features.Support;

/// <summary>
/// The support queue across every account: filters (status, carrier, account, late), search by reference or number,
/// sort by age or FOC date, and keyset pagination (a cursor, never OFFSET) so a deep page costs what the first does.
/// </summary>
public static class SearchRequests
{
    public const int PageSize = 25;
    public const string SortByAge = "age";
    public const string SortByFoc = "ccf";

    /// <summary>The status filter's value for every request, finished ones included.</summary>
    public const string AllStatuses = "all";

    public sealed class Query : IQuery<Page>
    {
        /// <summary>Empty: the requests under way (the desk's work); <see cref="AllStatuses"/>: every one; else one status.</summary>
        public string? Status { get; set; }

        public string? Carrier { get; set; }

        /// <summary>Whose move the requests wait for (<c>Customer</c>, <c>Carrier</c>, <c>Support</c>); empty: anyone's.</summary>
        public string? Turn { get; set; }

        public string? Account { get; set; }

        public bool Late { get; set; }

        /// <summary>A reference (<c>POR-2026-000123</c>) or a phone number.</summary>
        public string? Search { get; set; }

        public string? Sort { get; set; }

        /// <summary>Opaque cursor of the last row of the previous page.</summary>
        public string? After { get; set; }
    }

    public sealed record Row(Guid Id, string? Reference, string CompanyName, PortRequestStatus Status, string? CarrierCode, NumberType? NumberType,
        string? CarrierOtherName, int LineCount, DateOnly? FocDate, DateTime? SubmittedAtUtc, LateReason Late)
    {
        public bool IsLate => Late != LateReason.None;

        /// <summary>The porting date the customer asked for, if any (shown until the FOC date is set).</summary>
        public DateOnly? RequestedPortDate { get; init; }

        public PortingHalfDay? RequestedHalfDay { get; init; }

        public string? CarrierName => Domain.Porting.Carrier.DisplayName(NumberType, CarrierCode, CarrierOtherName);
    }

    /// <param name="Limits">The service levels the late reasons were measured against (their texts say them).</param>
    public sealed record Page(IReadOnlyList<Row> Rows, string? NextCursor, Query Query, SlaLimits Limits);

    public sealed class Handler(AppDbContext db, BusinessCalendar calendar, TimeProvider time, Microsoft.Extensions.Options.IOptions<Infrastructure.Settings.SlaOptions> sla)
        : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var cutoffs = SlaCutoffs.At(time.GetUtcNow().UtcDateTime, calendar, sla.Value.Limits);

            // Support sees every account: the account filter is lifted here on purpose.
            var requests = db.PortRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.Status != PortRequestStatus.Draft);
            if (Enum.TryParse<PortRequestStatus>(query.Status, out var status) && Enum.IsDefined(status))
            {
                requests = requests.Where(r => r.Status == status);
            }
            else if (query.Status != AllStatuses && string.IsNullOrWhiteSpace(query.Search))
            {
                // The queue opens on what is under way: completed and cancelled requests only when asked for, or when
                // the agent looks for one reference or number (a customer calling about an old port).
                var underWay = PortRequestStatuses.UnderWay.ToList();
                requests = requests.Where(r => underWay.Contains(r.Status));
            }

            if (!string.IsNullOrWhiteSpace(query.Carrier))
            {
                requests = requests.Where(r => r.CarrierCode == query.Carrier);
            }

            if (Enum.TryParse<Turn>(query.Turn, out var turn) && Enum.IsDefined(turn) && turn != Domain.Porting.Turn.Nobody)
            {
                var statuses = Enum.GetValues<PortRequestStatus>().Where(x => x != PortRequestStatus.Draft && x.WhoseTurn() == turn).ToList();
                requests = requests.Where(r => statuses.Contains(r.Status));
            }

            if (!string.IsNullOrWhiteSpace(query.Account))
            {
                var name = query.Account.Trim();
                var pattern = LikePattern.Contains(SearchText.Normalize(name));
                var accountIds = db.Accounts.IgnoreQueryFilters().Where(a => EF.Functions.Like(a.SearchName, pattern, LikePattern.Escape)).Select(a => a.Id);
                requests = requests.Where(r => accountIds.Contains(r.AccountId));
            }

            if (query.Late)
            {
                requests = requests.Where(cutoffs.IsLate());
            }

            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var search = query.Search.Trim();
                if (FrenchNumber.TryParse(search, out var number))
                {
                    var withNumber = db.PortLines.IgnoreQueryFilters().Where(l => l.Number == number).Select(l => l.PortRequestId);
                    requests = requests.Where(r => withNumber.Contains(r.Id));
                }
                else
                {
                    var reference = search.ToUpperInvariant();
                    requests = requests.Where(r => r.Reference == reference);
                }
            }

            // Keyset: "at or after the last key, and past the last row", written so the index range starts at the cursor.
            var byFoc = query.Sort == SortByFoc;
            requests = byFoc ? requests.Where(r => r.FocDate != null) : requests.Where(r => r.SubmittedAtUtc != null);
            if (Cursor.TryRead(query.After, out var key, out var lastId))
            {
                if (byFoc)
                {
                    var foc = DateOnly.FromDayNumber((int)Math.Clamp(key, 0, DateOnly.MaxValue.DayNumber));
                    requests = requests.Where(r => r.FocDate >= foc && (r.FocDate > foc || r.Id.CompareTo(lastId) > 0));
                }
                else
                {
                    var submitted = new DateTime(key, DateTimeKind.Utc);
                    requests = requests.Where(r => r.SubmittedAtUtc >= submitted && (r.SubmittedAtUtc > submitted || r.Id.CompareTo(lastId) > 0));
                }
            }

            requests = byFoc ? requests.OrderBy(r => r.FocDate).ThenBy(r => r.Id) : requests.OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id);

            // The late reason is the domain's own rule (SlaCutoffs), evaluated by the database in the same query.
            var rows = await requests.Take(PageSize + 1)
                .Select(ExpressionInliner.Inline<PortRequest, LateReason, Row>((r, late) => new Row(r.Id, r.Reference,
                    db.Accounts.IgnoreQueryFilters().Where(a => a.Id == r.AccountId).Select(a => a.CompanyName).First(),
                    r.Status, r.CarrierCode, r.NumberType, r.CarrierOtherName, r.Lines.Count(), r.FocDate, r.SubmittedAtUtc, late)
                {
                    RequestedPortDate = r.RequestedPortDate,
                    RequestedHalfDay = r.RequestedHalfDay,
                }, cutoffs.Reason()))
                .ToListAsync(cancellationToken);

            string? next = null;
            if (rows.Count > PageSize)
            {
                rows.RemoveAt(PageSize);
                var last = rows[^1];
                next = Cursor.Write(byFoc ? last.FocDate!.Value.DayNumber : last.SubmittedAtUtc!.Value.Ticks, last.Id);
            }

            return new Page(rows, next, query, sla.Value.Limits);
        }
    }

    /// <summary>The sort key and id of the last row shown, as one opaque URL-safe token.</summary>
    internal static class Cursor
    {
        public static string Write(long key, Guid id) =>
            Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key}_{id:N}")))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static bool TryRead(string? token, out long key, out Guid id)
        {
            key = 0;
            id = Guid.Empty;
            if (string.IsNullOrEmpty(token) || token.Length > 100)
            {
                return false;
            }

            try
            {
                var base64 = token.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split('_');
                return parts.Length == 2
                    && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out key)
                    && key is >= 0 and < 3155378975999999999
                    && Guid.TryParseExact(parts[1], "N", out id);
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
