using System.Globalization;
using System.Text.Json;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Billing;
using OomaPorting.Web.Infrastructure.Validation;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>
/// Step 6, "Signature": check every answer, choose the main number and the temporary number's fate, see the price,
/// accept the terms, state one's capacity and sign; a code is then e-mailed to the signer, and the request is submitted
/// when it is typed back (<see cref="ConfirmSignature"/>). Submitting is idempotent: a request already submitted lands
/// on its status page.
/// </summary>
public static class Sign
{
    public const string KeepCurrentMainNumber = "keep";

    public sealed record Query(Guid Id) : IQuery<Form>;

    public sealed record Form(
        Command Command,
        PortRequest Request,
        FrenchNumber AccountDefaultNumber,
        bool AccountHasOwnMainNumber,
        FrenchNumber TemporaryNumber,
        PriceEstimate Price,
        PortingTerms Terms,
        WizardSection Missing)
    {
        /// <summary>Whether the account still has its temporary number: only then is its fate asked.</summary>
        public bool AccountHasTemporaryNumber { get; init; }

        /// <summary>The range a porting date may be asked for in, for the date input.</summary>
        public (DateOnly Earliest, DateOnly Latest) RequestableDates { get; init; }

        public bool CanSubmit => Missing == WizardSection.None && !Request.IsBlockedByDryLine;

        public bool CanChange(WizardSection section) => (Request.EditableSections & section) != 0;
    }

    /// <summary>What numbers cost each month now, and after the port if each user without a number gets one of the ported ones.</summary>
    public sealed record PriceEstimate(decimal MonthlyNow, decimal MonthlyAfter, int PortedCount, int FreeForUsers);

    public sealed class Command : ICommand<Outcome>
    {
        public Guid Id { get; set; }

        /// <summary>The E.164 of a ported number, or <see cref="KeepCurrentMainNumber"/>.</summary>
        public string? MainNumber { get; set; }

        public bool KeepTemporaryNumber { get; set; }

        public bool AcceptTerms { get; set; }

        public string? SignerName { get; set; }

        /// <summary>A <see cref="SignerCapacityKind"/> name: in what capacity the signer commits the holder.</summary>
        public string? SignerCapacity { get; set; }

        /// <summary>The capacity in the signer's words, when <see cref="SignerCapacity"/> is <c>Other</c>.</summary>
        public string? SignerCapacityDetail { get; set; }

        /// <summary>The signer declares that this capacity lets them commit the holder.</summary>
        public bool SignerAuthorised { get; set; }

        /// <summary>An optional drawn signature as a <c>data:image/png;base64,</c> URL.</summary>
        public string? DrawnSignature { get; set; }

        /// <summary>An optional porting date asked for (<c>yyyy-MM-dd</c>), see <see cref="PortingStatus.RequestPortDate"/>.</summary>
        public string? RequestedDate { get; set; }

        /// <summary>Empty, <c>Morning</c> or <c>Afternoon</c>.</summary>
        public string? RequestedHalfDay { get; set; }

        /// <summary>
        /// Through the API only: the e-mail of the account admin who receives the signature code (an API key has no
        /// mailbox of its own). On a page the code goes to the signed-in admin and this is ignored.
        /// </summary>
        public string? SignerEmail { get; set; }
    }

    public sealed record Outcome(Guid Id, bool AlreadySubmitted);

    public sealed class Validator : AbstractValidator<Command>
    {
        private const string PngDataUrl = "data:image/png;base64,";

        public Validator(IStringLocalizer<SharedResource> text, BusinessCalendar calendar, TimeProvider time)
        {
            RuleFor(c => c.RequestedDate).Custom((value, context) =>
                PortingStatus.RequestPortDate.CheckDate(value, nameof(Command.RequestedDate), context, text, calendar, time));
            RuleFor(c => c.RequestedHalfDay).Must(v => PortingStatus.RequestPortDate.TryParseHalfDay(v, out _))
                .WithMessage(_ => text["Error.RequestedDate.HalfDay"]);
            RuleFor(c => c.MainNumber).NotEmpty().WithMessage(_ => text["Wizard.MainNumber.Required"])
                .MaximumLength(20).WithMessage(_ => text["Wizard.MainNumber.Required"]);
            RuleFor(c => c.AcceptTerms).Equal(true).WithMessage(_ => text["Wizard.Terms.Required"]);
            RuleFor(c => c.SignerName).Satisfies(Mandate.CheckSignerName, text);
            RuleFor(c => c.SignerCapacity).Satisfies(Domain.Porting.SignerCapacity.CheckKind, text);
            RuleFor(c => c.SignerCapacityDetail)
                .Must((c, detail) => CapacityDetailProblem(c, detail) is null)
                .WithMessage((c, detail) => text[$"Error.{CapacityDetailProblem(c, detail)}"]);
            RuleFor(c => c.SignerAuthorised).Equal(true).WithMessage(_ => text["Error.Signer.Authority.Required"]);
            RuleFor(c => c.DrawnSignature)
                .Must(d => string.IsNullOrEmpty(d) || DecodeDrawing(d) is not null)
                .WithMessage(_ => text["Error.Signature.Drawing.Invalid"]);
        }

        private static string? CapacityDetailProblem(Command c, string? detail) =>
            Enum.TryParse<SignerCapacityKind>(c.SignerCapacity, out var kind) && Domain.Porting.SignerCapacity.CheckKind(c.SignerCapacity) is null
                ? Domain.Porting.SignerCapacity.CheckDetail(kind, detail)
                : null;

        public static byte[]? DecodeDrawing(string? dataUrl)
        {
            if (string.IsNullOrEmpty(dataUrl) || !dataUrl.StartsWith(PngDataUrl, StringComparison.Ordinal)
                || dataUrl.Length > PngDataUrl.Length + ((Mandate.MaxDrawingBytes + 2) / 3 * 4))
            {
                return null;
            }

            var bytes = new byte[Mandate.MaxDrawingBytes];
            return Convert.TryFromBase64String(dataUrl[PngDataUrl.Length..], bytes, out var written) && written > 8
                ? bytes[..written]
                : null;
        }
    }

    public sealed class QueryHandler(AppDbContext db, TimeProvider time, BusinessCalendar calendar) : IQueryHandler<Query, Form>
    {
        public async ValueTask<Form> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, query.Id, time, cancellationToken, WizardSection.Signature);
            var account = await db.Accounts.AsNoTracking().Include(a => a.Numbers).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException();
            var userIds = await db.Users.Where(u => u.AccountId == account.Id && !u.IsDisabled).Select(u => u.Id).ToListAsync(cancellationToken);
            // A resubmission starts from the capacity signed last time.
            var signed = await db.Mandates.AsNoTracking().Where(m => m.PortRequestId == r.Id && m.SignerCapacity != null)
                .OrderByDescending(m => m.Sequence).Select(m => m.SignerCapacity).FirstOrDefaultAsync(cancellationToken);
            // Until the admin chooses, an account that has its own main number keeps it (a later request, a follow-up
            // of refused numbers, often ports direct lines: none should replace the main line by a click-through).
            var main = r.MainNumberDecided ? r.MainOomaNumber?.E164 ?? KeepCurrentMainNumber
                : account.MainNumber is not null ? KeepCurrentMainNumber
                : r.Lines.FirstOrDefault(l => l.IsMainLine)?.Number.E164;
            var command = new Command
            {
                Id = r.Id, MainNumber = main, KeepTemporaryNumber = r.KeepTemporaryNumber, SignerName = r.SignerName,
                SignerCapacity = signed?.Kind.ToString(),
                SignerCapacityDetail = signed?.Detail,
                RequestedDate = PortingStatus.RequestPortDate.InputValue(r.RequestedPortDate), RequestedHalfDay = r.RequestedHalfDay?.ToString(),
            };
            var now = time.GetUtcNow().UtcDateTime;
            return new Form(command, r, account.DefaultNumber, account.MainNumber is not null, account.TemporaryNumber,
                Estimate(account, userIds, r), PortingTermsText.Current(CultureInfo.CurrentUICulture),
                r.MissingForSubmission() & ~WizardSection.MainNumber) // the main number is chosen on this very page
            {
                AccountHasTemporaryNumber = account.Numbers.Any(n => n.Kind == AccountNumberKind.Temporary),
                RequestableDates = (PortRequest.EarliestRequestablePortDate(calendar, now), PortRequest.LatestRequestablePortDate(now)),
            };
        }

        private static PriceEstimate Estimate(Domain.Accounts.Account account, IReadOnlyList<string> userIds, PortRequest request)
        {
            var now = NumberPricing.Price(account.Numbers.Select(n => new PricedNumberInput(
                n.Number.E164, n.AssignedUserId, (n.AssignedAtUtc ?? n.AddedAtUtc).Ticks, n.Number == account.DefaultNumber)));

            // After the port: the temporary number goes (or stays as virtual), each user without a number gets a ported one.
            var after = account.Numbers
                .Where(n => n.Kind != AccountNumberKind.Temporary || request.KeepTemporaryNumber)
                .Select(n => (n.Number.E164, n.AssignedUserId, Order: (n.AssignedAtUtc ?? n.AddedAtUtc).Ticks))
                .ToList();
            var usersWithout = new Queue<string>(userIds.Where(u => !after.Any(n => n.AssignedUserId == u)));
            var free = 0;
            foreach (var line in request.Lines.OrderBy(l => l.Position))
            {
                string? user = usersWithout.Count > 0 ? usersWithout.Dequeue() : null;
                free += user is null ? 0 : 1;
                after.Add((line.Number.E164, user, long.MaxValue));
            }

            var mainAfter = request.MainOomaNumber?.E164 ?? account.DefaultNumber.E164;
            var priced = NumberPricing.Price(after.Select(n => new PricedNumberInput(n.E164, n.AssignedUserId, n.Order, n.E164 == mainAfter)));
            return new PriceEstimate(now.MonthlyTotalEur, priced.MonthlyTotalEur, request.Lines.Count, free);
        }
    }

    /// <summary>
    /// Signing, first half: every answer and the signature are checked exactly as the submission will check them
    /// (nothing is saved), then a code is e-mailed to the signer, with the signature waiting beside it until the code
    /// is typed back (<see cref="ConfirmSignature"/>).
    /// </summary>
    public sealed class Handler(AppDbContext db, TimeProvider time, BusinessCalendar calendar, ICurrentActor current, EmailComposer composer,
        IStringLocalizer<SharedResource> text) : ICommandHandler<Command, Outcome>
    {
        // Read then write in one turn: two signatures posted at once (a double click, two tabs, an integrator's retry)
        // find each other's code and carry it, instead of both issuing one and the second refused as "too soon".
        public async ValueTask<Outcome> Handle(Command command, CancellationToken cancellationToken) =>
            await db.Database.CreateExecutionStrategy().ExecuteAsync(() => SignAsync(command, cancellationToken));

        private async Task<Outcome> SignAsync(Command command, CancellationToken cancellationToken)
        {
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            var actor = current.Actor;
            var r = await Drafts.LoadAsync(db, command.Id, time, cancellationToken);
            if (r.Status is not (PortRequestStatus.Draft or PortRequestStatus.ActionRequired))
            {
                return new Outcome(r.Id, AlreadySubmitted: true);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var signedVersion = r.Version;
            await ApplyAsync(db, r, command, actor, calendar, now, cancellationToken);
            r.EnsureCanSubmit(actor, SignatureOf(command, current.Client, confirmation: null));
            db.ChangeTracker.Clear(); // a dry run: the answers change when the code comes back, not now

            var signer = current.ApiKeyId is null
                ? await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException()
                : await AdminEmailAsync(db, r.AccountId, command.SignerEmail, cancellationToken)
                    ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Command.SignerEmail), text["Error.Signer.Email.NotAdmin"])
                        { ErrorCode = "Signer.Email.NotAdmin" }]);
            await SignatureCodes.SendOrCarryAsync(db, composer, r, signedVersion, actor, signer, JsonSerializer.Serialize(command), now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Outcome(r.Id, AlreadySubmitted: false);
        }
    }

    /// <summary>The address as stored when <paramref name="email"/> is an active admin of the account, else null.</summary>
    private static async Task<string?> AdminEmailAsync(AppDbContext db, Guid accountId, string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256)
        {
            return null;
        }

        var normalized = email.Trim().ToUpperInvariant();
        var admins = Infrastructure.Identity.RoleMembers.UserIds(db, Roles.AccountAdmin);
        return await db.Users.AsNoTracking()
            .Where(u => u.AccountId == accountId && !u.IsDisabled && u.NormalizedEmail == normalized && admins.Contains(u.Id))
            .Select(u => u.Email).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The main-number choice, the porting date asked for and the numbers' availability, applied to <paramref name="r"/>
    /// as the signature asks: by the dry run before a code is sent and again, for real, when it is confirmed.
    /// </summary>
    internal static async Task ApplyAsync(AppDbContext db, PortRequest r, Command command, Actor actor, BusinessCalendar calendar, DateTime now,
        CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(ct) ?? throw new NotFoundException();

        // A fix that does not reopen the numbers keeps the main-number choice already signed.
        if ((r.EditableSections & WizardSection.MainNumber) != 0)
        {
            FrenchNumber? main = command.MainNumber == KeepCurrentMainNumber ? null
                : r.Lines.FirstOrDefault(l => l.Number.E164 == command.MainNumber)?.Number
                  ?? throw new DomainException("MainNumber.NotInRequest", "Choose one of the numbers being ported.");
            r.ChooseMainNumber(actor, main, command.KeepTemporaryNumber, account.MainNumber is not null, now);
        }

        var (requestedDate, requestedHalfDay) = PortingStatus.RequestPortDate.ParseValidated(command.RequestedDate, command.RequestedHalfDay);
        r.RequestPortDate(actor, requestedDate, requestedHalfDay, calendar, now);

        var unavailable = await EnterLines.NumbersUnavailableAsync(db, r.Id, [.. r.Lines.Select(l => l.Number)], ct);
        if (unavailable.Count > 0)
        {
            throw new DomainException("Lines.Unavailable", "A number cannot be ported right now.");
        }
    }

    internal static SignatureInput SignatureOf(Command command, ClientInfo client, SignerConfirmation? confirmation) =>
        new(command.SignerName ?? string.Empty, command.AcceptTerms, client.IpAddress, client.UserAgent,
            Validator.DecodeDrawing(command.DrawnSignature),
            Domain.Porting.SignerCapacity.Parse(command.SignerCapacity ?? string.Empty, command.SignerCapacityDetail), command.SignerAuthorised,
            confirmation);
}
