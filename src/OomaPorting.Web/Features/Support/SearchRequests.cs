namespace OomaPorting.Web.Features.Support;

/// <summary>
/// The support queue across every account: filters (status, whose turn, carrier, account, assignee, late, date ranges),
/// search by reference or number, sorts (urgency — the default —, age, FOC date), and keyset pagination (a cursor,
/// never OFFSET) that stays exact under every sort: each request appears once however the pages are walked.
/// </summary>
public static partial class SearchRequests
{
    public const int PageSize = 25;

    /// <summary>Late first, then due today, then oldest first (<see cref="SlaCutoffs.Urgency"/>).</summary>
    public const string SortByUrgency = "urgence";
    public const string SortByAge = "age";
    public const string SortByFoc = "ccf";

    /// <summary>The status filter's value for every request, finished ones included.</summary>
    public const string AllStatuses = "all";

    /// <summary>The status filter's value for the requests submitted and waiting for support's pre-check ("à vérifier").</summary>
    public const string ToCheck = "a-verifier";

    /// <summary>The assignee filter's values: the signed-in agent's requests, or nobody's.</summary>
    public const string AssignedToMe = "moi";
    public const string Unassigned = "personne";

    /// <summary>The page sizes offered.</summary>
    public static IReadOnlyList<int> PageSizes { get; } = [10, 25, 50, 100];

    public sealed class Query : IQuery<Page>
    {
        /// <summary>Empty: the requests under way (the desk's work); <see cref="AllStatuses"/>: every one; <see cref="ToCheck"/>:
        /// those waiting for the pre-check; else one status.</summary>
        public string? Status { get; set; }

        public string? Carrier { get; set; }

        /// <summary>Whose move the requests wait for (<c>Customer</c>, <c>Carrier</c>, <c>Support</c>); empty: anyone's.</summary>
        public string? Turn { get; set; }

        public string? Account { get; set; }

        /// <summary><see cref="AssignedToMe"/>, <see cref="Unassigned"/>, or empty for anyone.</summary>
        public string? Assigned { get; set; }

        public bool Late { get; set; }

        /// <summary>Submitted on or after this day (Paris), <c>yyyy-MM-dd</c>.</summary>
        public string? SubmittedFrom { get; set; }

        /// <summary>Submitted on or before this day (Paris), <c>yyyy-MM-dd</c>.</summary>
        public string? SubmittedTo { get; set; }

        public string? FocFrom { get; set; }

        public string? FocTo { get; set; }

        /// <summary>A reference (<c>POR-2026-000123</c>) or a phone number.</summary>
        public string? Search { get; set; }

        public string? Sort { get; set; }

        /// <summary>Rows per page, one of <see cref="PageSizes"/>.</summary>
        public int? Size { get; set; }

        /// <summary>Opaque cursor of the last row of the previous page.</summary>
        public string? After { get; set; }

        internal string EffectiveSort => Sort is SortByAge or SortByFoc ? Sort : SortByUrgency;

        internal int EffectiveSize => Size is { } size && PageSizes.Contains(size) ? size : PageSize;

        /// <summary>The same filters and sort without the cursor and the date fields the validator refused (to show the form again).</summary>
        public Query WithoutDates() => new()
        {
            Status = Status, Carrier = Carrier, Turn = Turn, Account = Account, Assigned = Assigned, Late = Late, Search = Search,
            Sort = Sort, Size = Size,
        };
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(q => q.SubmittedFrom).Must(IsDateOrEmpty).WithMessage(_ => text["Support.Filter.DateInvalid"]);
            RuleFor(q => q.SubmittedTo).Must(IsDateOrEmpty).WithMessage(_ => text["Support.Filter.DateInvalid"])
                .Must((q, to) => !Before(to, q.SubmittedFrom)).WithMessage(_ => text["Support.Filter.DateOrder"]);
            RuleFor(q => q.FocFrom).Must(IsDateOrEmpty).WithMessage(_ => text["Support.Filter.DateInvalid"]);
            RuleFor(q => q.FocTo).Must(IsDateOrEmpty).WithMessage(_ => text["Support.Filter.DateInvalid"])
                .Must((q, to) => !Before(to, q.FocFrom)).WithMessage(_ => text["Support.Filter.DateOrder"]);
        }

        private static bool IsDateOrEmpty(string? value) => string.IsNullOrEmpty(value) || SetFocDate.TryParse(value, out _);

        private static bool Before(string? to, string? from) =>
            SetFocDate.TryParse(to, out var end) && SetFocDate.TryParse(from, out var start) && end < start;
    }

    public sealed record Row(Guid Id, string? Reference, string CompanyName, PortRequestStatus Status, string? CarrierCode, NumberType? NumberType,
        string? CarrierOtherName, int LineCount, DateOnly? FocDate, DateTime? SubmittedAtUtc, LateReason Late)
    {
        public bool IsLate => Late != LateReason.None;

        public Urgency Urgency { get; init; }

        public string? AssignedToUserId { get; init; }

        public string? AssignedToName { get; init; }

        /// <summary>The version the agent saw, carried by the bulk form so a request changed meanwhile is not overwritten.</summary>
        public int Version { get; init; }

        /// <summary>The porting date the customer asked for, if any (shown until the FOC date is set).</summary>
        public DateOnly? RequestedPortDate { get; init; }

        public PortingHalfDay? RequestedHalfDay { get; init; }

        public string? CarrierName => Domain.Porting.Carrier.DisplayName(NumberType, CarrierCode, CarrierOtherName);

        public DateTime? DocumentsCheckedAtUtc { get; init; }

        /// <summary>Whose move the request waits for today (<see cref="TurnRule"/>), set once the rows are read.</summary>
        public Turn WhoseTurn { get; init; }
    }

    /// <param name="Limits">The service levels the late reasons were measured against (their texts say them).</param>
    /// <param name="UserId">The agent looking (the bulk form and "assigned to me" use it).</param>
    public sealed record Page(IReadOnlyList<Row> Rows, string? NextCursor, Query Query, SlaLimits Limits, string UserId = "");

    /// <summary>
    /// The requests the filters of <paramref name="query"/> select, across every account, not yet sorted: the one
    /// definition shared by the queue and its export.
    /// </summary>
    /// <param name="accounts">The accounts <see cref="Query.Account"/> names, when already looked up (<see cref="Accounts"/>).</param>
    public static IQueryable<PortRequest> Filter(AppDbContext db, Query query, SlaCutoffs cutoffs, string userId, IReadOnlyCollection<Guid>? accounts = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(cutoffs);

        // Support sees every account: the account filter is lifted here on purpose.
        var requests = db.PortRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.Status != PortRequestStatus.Draft);
        if (query.Status == ToCheck)
        {
            requests = requests.Where(r => r.Status == PortRequestStatus.Submitted && r.DocumentsCheckedAtUtc == null);
        }
        else if (Enum.TryParse<PortRequestStatus>(query.Status, out var status) && Enum.IsDefined(status))
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
            requests = requests.Where(r => r.Status != PortRequestStatus.Draft).Where(TurnRule.Is(turn, cutoffs.Today));
        }

        if (accounts is not null)
        {
            requests = requests.Where(r => accounts.Contains(r.AccountId));
        }
        else if (!string.IsNullOrWhiteSpace(query.Account))
        {
            var accountIds = Accounts(db, query.Account);
            requests = requests.Where(r => accountIds.Contains(r.AccountId));
        }

        requests = query.Assigned switch
        {
            AssignedToMe => requests.Where(r => r.AssignedToUserId == userId),
            // Written so that no index is taken for it: most requests under way are unassigned, and SQLite, which
            // keeps no statistics, would otherwise walk the assignee index instead of the queue's.
            Unassigned => requests.Where(r => (r.AssignedToUserId ?? string.Empty) == string.Empty),
            _ => requests,
        };

        if (query.Late)
        {
            requests = requests.Where(cutoffs.IsLate());
        }

        if (SetFocDate.TryParse(query.SubmittedFrom, out var submittedFrom))
        {
            var from = BusinessCalendar.StartOfDayInFranceUtc(submittedFrom);
            requests = requests.Where(r => r.SubmittedAtUtc >= from);
        }

        if (SetFocDate.TryParse(query.SubmittedTo, out var submittedTo))
        {
            var before = BusinessCalendar.StartOfDayInFranceUtc(submittedTo.AddDays(1));
            requests = requests.Where(r => r.SubmittedAtUtc < before);
        }

        if (SetFocDate.TryParse(query.FocFrom, out var focFrom))
        {
            requests = requests.Where(r => r.FocDate >= focFrom);
        }

        if (SetFocDate.TryParse(query.FocTo, out var focTo))
        {
            requests = requests.Where(r => r.FocDate <= focTo);
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

        return requests;
    }

    /// <summary>The accounts whose name contains <paramref name="name"/>, case and accents aside.</summary>
    public static IQueryable<Guid> Accounts(AppDbContext db, string name)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(name);
        var pattern = LikePattern.Contains(SearchText.Normalize(name.Trim()));
        return db.Accounts.IgnoreQueryFilters().Where(a => EF.Functions.Like(a.SearchName, pattern, LikePattern.Escape)).Select(a => a.Id);
    }

    public sealed class Handler(AppDbContext db, BusinessCalendar calendar, TimeProvider time, ICurrentActor current,
        Microsoft.Extensions.Options.IOptions<Infrastructure.Settings.SlaOptions> sla)
        : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var cutoffs = SlaCutoffs.At(time.GetUtcNow().UtcDateTime, calendar, sla.Value.Limits);
            var userId = current.Actor.UserId;
            var sort = query.EffectiveSort;
            var size = query.EffectiveSize;
            // The account's name is matched once (a scan of the accounts), not once per urgency tier walked.
            var accounts = sort == SortByUrgency && !string.IsNullOrWhiteSpace(query.Account)
                ? await Accounts(db, query.Account).ToListAsync(cancellationToken)
                : null;
            var filtered = Filter(db, query, cutoffs, userId, accounts);
            var rows = sort == SortByUrgency
                ? await UrgentFirstAsync(filtered, query.After, size + 1, cutoffs, cancellationToken)
                : await Rows(db, Sorted(filtered, sort, cutoffs, query.After).Take(size + 1).Select(r => r.Id), sort, cutoffs).ToListAsync(cancellationToken);

            string? next = null;
            if (rows.Count > size)
            {
                rows.RemoveAt(size);
                var last = rows[^1];
                next = sort switch
                {
                    SortByFoc => KeysetCursor.Write(0, last.FocDate!.Value.DayNumber, last.Id),
                    SortByAge => KeysetCursor.Write(0, last.SubmittedAtUtc!.Value.Ticks, last.Id),
                    _ => KeysetCursor.Write((int)last.Urgency, last.SubmittedAtUtc!.Value.Ticks, last.Id),
                };
            }

            rows = [.. rows.Select(r => r with { WhoseTurn = TurnRule.Of(r.Status, r.DocumentsCheckedAtUtc, r.FocDate, cutoffs.Today) })];
            return new Page(rows, next, query, sla.Value.Limits, userId);
        }

        /// <summary>
        /// The urgency order one tier at a time: the cursor's tier first (a page of late requests, the usual case
        /// when the desk has a backlog, costs one short index walk), then, only if the page is not full, the tiers
        /// after it in one statement (<see cref="TiersAfter"/>). Ordering the whole queue by urgency instead would rank
        /// every request under way on every page.
        /// </summary>
        private async Task<List<Row>> UrgentFirstAsync(IQueryable<PortRequest> filtered, string? after, int count, SlaCutoffs cutoffs,
            CancellationToken cancellationToken)
        {
            var start = KeysetCursor.TryRead(after, out var rank, out _, out _) ? (Urgency)rank : Urgency.Late;
            var rows = await Rows(db, Tier(filtered, start, cutoffs, after).Take(count).Select(r => r.Id), SortByUrgency, cutoffs)
                .ToListAsync(cancellationToken);
            if (rows.Count < count && start < Urgency.Later)
            {
                var need = count - rows.Count;
                rows.AddRange((await Rows(db, TiersAfter(filtered, start, cutoffs, need), SortByUrgency, cutoffs).ToListAsync(cancellationToken)).Take(need));
            }

            return rows;
        }
    }

    /// <summary>
    /// The rows of a page's <paramref name="ids"/> (ranked on the queue's covering index alone: no table row is read
    /// to rank them), in the sort's order, with the late reason and the urgency the domain's rules give them.
    /// </summary>
    public static IQueryable<Row> Rows(AppDbContext db, IQueryable<Guid> ids, string sort, SlaCutoffs cutoffs)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cutoffs);
        return Sorted(db.PortRequests.IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.Id)), sort, cutoffs)
            .Select(ExpressionInliner.Inline<PortRequest, LateReason, Urgency, Row>((r, late, urgency) => new Row(r.Id, r.Reference,
                db.Accounts.IgnoreQueryFilters().Where(a => a.Id == r.AccountId).Select(a => a.CompanyName).First(),
                r.Status, r.CarrierCode, r.NumberType, r.CarrierOtherName, r.Lines.Count(), r.FocDate, r.SubmittedAtUtc, late)
            {
                Urgency = urgency,
                AssignedToUserId = r.AssignedToUserId,
                AssignedToName = r.AssignedToName,
                Version = r.Version,
                RequestedPortDate = r.RequestedPortDate,
                RequestedHalfDay = r.RequestedHalfDay,
                DocumentsCheckedAtUtc = r.DocumentsCheckedAtUtc,
            }, cutoffs.Reason(), cutoffs.Urgency()));
    }
}
