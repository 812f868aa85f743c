using System.Globalization;
using System.Text.Json;
using FluentValidation.Results;
using OomaPorting.Web.Infrastructure.Localization;
using OomaPorting.Web.Infrastructure.Validation;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>
/// Signing, second half (<c>/portage/{id}/signature/code</c>): the signer types back the code e-mailed to them; the
/// signature waiting with it is applied and the request submitted, the mandate recording the confirmation. A wrong,
/// expired or exhausted code changes nothing but the count of attempts, and every attempt is in the audit trail.
/// </summary>
public static class ConfirmSignature
{
    public sealed record Query(Guid Id) : IQuery<Form>;

    /// <param name="SentTo">The address the code went to, masked.</param>
    public sealed record Form(Guid Id, string SentTo, DateTime ExpiresAtUtc, int AttemptsLeft, bool Resubmission)
    {
        /// <summary>Always empty (a code is never shown back): it names the field the refusals are said at.</summary>
        public string? Code { get; init; }
    }

    public sealed class Command : ICommand<Sign.Outcome>
    {
        public Guid Id { get; set; }

        public string? Code { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage(_ => text["Error.SignatureCode.Required"])
                .MaximumLength(20).WithMessage(_ => text["Error.SignatureCode.Format"]);
        }
    }

    public sealed class QueryHandler(AppDbContext db, TimeProvider time, ICurrentActor current) : IQueryHandler<Query, Form>
    {
        public async ValueTask<Form> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, query.Id, time, cancellationToken, WizardSection.Signature);
            var code = await LatestAsync(db, r.Id, current.Actor.UserId, cancellationToken) ?? throw new NoPendingCodeException(r.Id);
            return new Form(r.Id, SignatureCodes.Masked(code.Email), code.ExpiresAtUtc,
                Math.Max(0, SignatureCode.MaxAttempts - code.Attempts), r.Status == PortRequestStatus.ActionRequired);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, BusinessCalendar calendar, ICurrentActor current,
        IStringLocalizer<SharedResource> text, Infrastructure.Pdf.MandatePdf mandatePdf) : ICommandHandler<Command, Sign.Outcome>
    {
        public async ValueTask<Sign.Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = current.Actor;
            var client = current.Client;
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async ct =>
            {
                // One transaction (on SQLite, in the writers' line): two confirmations of one request run one after the other.
                await using var transaction = await db.BeginWriteTransactionAsync(ct);
                var r = await Drafts.LoadAsync(db, command.Id, time, ct);
                if (r.Status is not (PortRequestStatus.Draft or PortRequestStatus.ActionRequired))
                {
                    return new Sign.Outcome(r.Id, AlreadySubmitted: true);
                }

                var now = time.GetUtcNow().UtcDateTime;
                var code = await LatestAsync(db, r.Id, actor.UserId, ct) ?? throw new NoPendingCodeException(r.Id);
                var check = code.Check(command.Code, now);
                Audit.Record(db, actor, now, AuditActions.SignatureCodeAttempt, r.AccountId, actor.UserId, AuditDetails.Of("SignatureCodeAttempt",
                    AuditDetails.Text(SignatureCodes.Subject(r)), AuditDetails.Word("Audit.Details.Code.", check.ToString()),
                    AuditDetails.Text(code.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    AuditDetails.Text(SignatureCode.MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture)), AuditDetails.Text(client.IpAddress ?? "?")));
                if (check != SignatureCodeCheck.Confirmed)
                {
                    // The attempt counts whatever happens next: saved and committed before the refusal.
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    throw new ValidationException([new ValidationFailure(nameof(Command.Code), Refusal(check, code))]);
                }

                if (code.RequestVersion != r.Version)
                {
                    throw new DomainException("SignatureCode.RequestChanged", "The request changed since the code was sent.");
                }

                var signed = JsonSerializer.Deserialize<Sign.Command>(code.PendingSignature)
                    ?? throw new DomainException("SignatureCode.RequestChanged", "The waiting signature cannot be read.");
                await Sign.ApplyAsync(db, r, signed, actor, calendar, now, ct);
                var reference = r.Reference ?? await References.NextAsync(db, BusinessCalendar.DateInFrance(now).Year, ct);
                var mandate = r.Submit(actor, Sign.SignatureOf(signed, client, code.Confirmation), PortingTermsText.Current(CultureInfo.CurrentUICulture), reference, now);
                await mandatePdf.KeepAsync(db, r, mandate, ct); // signed once, now: every later download is these bytes

                // The signature is now in the mandate: the codes and the copy of the form that waited with them go.
                db.SignatureCodes.RemoveRange(await db.SignatureCodes.Where(c => c.PortRequestId == r.Id).ToListAsync(ct));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new Sign.Outcome(r.Id, AlreadySubmitted: false);
            }, cancellationToken);
        }

        private string Refusal(SignatureCodeCheck check, SignatureCode code) => check switch
        {
            SignatureCodeCheck.Wrong => text.Plural("Error.SignatureCode.Wrong", SignatureCode.MaxAttempts - code.Attempts),
            SignatureCodeCheck.Expired => text["Error.SignatureCode.Expired"],
            SignatureCodeCheck.Locked => text["Error.SignatureCode.Locked"],
            _ => text["Error.SignatureCode.Used"],
        };
    }

    /// <summary>The last code sent to this signer for this request, tracked (its attempts are counted).</summary>
    internal static Task<SignatureCode?> LatestAsync(AppDbContext db, Guid requestId, string userId, CancellationToken ct) =>
        db.SignatureCodes.Where(c => c.PortRequestId == requestId && c.UserId == userId)
            .OrderByDescending(c => c.SentAtUtc).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
}
