using FluentValidation.Results;
using OomaPorting.Web.Features.PortingWizard;

namespace OomaPorting.Web.Features.Api;

/// <summary>
/// The API's draft: creates one (no id) or fills an existing one with the parts of <see cref="ApiDraft"/> it is given,
/// each through the wizard's command for that step, all in one transaction: a refused part leaves nothing behind, not
/// even the new draft. A refusal names its field as the API knows it (<c>carrierAccount.accountNumber</c>,
/// <c>numbers[3].rio</c>).
/// </summary>
public static class FillDraft
{
    /// <param name="ExpectedVersion">The version the caller read (<c>If-Match</c>): the draft is changed only if it is still that one.</param>
    public sealed record Command(Guid? Id, ApiDraft Draft, int? ExpectedVersion = null) : ICommand<Guid>;

    public sealed class Handler(AppDbContext db, IMediator mediator, IStringLocalizer<SharedResource> text) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var draft = command.Draft;
            if ((draft.Holder is null) != (draft.Address is null))
            {
                var missing = draft.Holder is null ? "holder" : "address";
                throw new ValidationException([new ValidationFailure(missing, text["Error.Api.HolderAndAddress"]) { ErrorCode = "Api.HolderAndAddress" }]);
            }

            // One transaction for every step (a retrying strategy, SQL Server's, replays the whole of it).
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => FillAsync(command.Id, draft, command.ExpectedVersion, cancellationToken));
        }

        private async Task<Guid> FillAsync(Guid? existing, ApiDraft draft, int? expectedVersion, CancellationToken cancellationToken)
        {
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            if (existing is { } known && expectedVersion is { } expected)
            {
                // Read inside the writer's transaction: nobody can change the draft between this check and the steps.
                var current = await db.PortRequests.Where(r => r.Id == known).Select(r => (int?)r.Version).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException();
                if (current != expected)
                {
                    throw new Infrastructure.Forms.ConcurrentChangeException();
                }
            }

            var id = existing ?? await mediator.Send(new StartPort.Command(), cancellationToken);
            if (draft.NumberType is { } type)
            {
                await Step("", mediator.Send(new ChooseNumberType.Command { Id = id, NumberType = type.ToString() }, cancellationToken));
            }

            if (draft.Carrier is { } carrier)
            {
                await Step("carrier", mediator.Send(new ChooseCarrier.Command { Id = id, CarrierCode = carrier.Code, OtherName = carrier.OtherName }, cancellationToken),
                    ("CarrierCode", "code"));
            }

            if (draft.CarrierAccount is { } account)
            {
                var asksInternet = await db.PortRequests.Where(r => r.Id == id).Select(r => r.NumberType).FirstOrDefaultAsync(cancellationToken) != NumberType.Mobile;
                await Step("carrierAccount", mediator.Send(new EnterCarrierAccount.Command
                {
                    Id = id, AccountNumber = account.AccountNumber, AsksInternet = asksInternet, Internet = account.Internet?.ToString(), SharedLine = account.SharedLine?.ToString(),
                    LinesSeparated = account.LinesSeparated,
                }, cancellationToken), ("Internet", "internet"));
            }

            if (draft.Numbers is not null || draft.Range is not null)
            {
                var lines = new EnterLines.Command
                {
                    Id = id, Lines = [.. (draft.Numbers ?? []).Select(n => new EnterLines.Row { Number = n.Number, Rio = n.Rio })],
                    RangeFrom = draft.Range?.From, RangeTo = draft.Range?.To,
                };
                await Step("", mediator.Send(lines, cancellationToken), ("Lines", "numbers"), ("RangeFrom", "range.from"), ("RangeTo", "range.to"));
            }

            if (draft.Holder is { } holder && draft.Address is { } address)
            {
                await Step("", mediator.Send(new EnterServiceAddress.Command
                {
                    Id = id, FirstName = holder.FirstName, LastName = holder.LastName, CompanyName = holder.CompanyName, Siret = holder.Siret,
                    Street = address.Street, Complement = address.Complement, PostalCode = address.PostalCode, City = address.City,
                }, cancellationToken), ("FirstName", "holder.firstName"), ("LastName", "holder.lastName"), ("CompanyName", "holder.companyName"),
                    ("Siret", "holder.siret"), ("Street", "address.street"), ("Complement", "address.complement"),
                    ("PostalCode", "address.postalCode"), ("City", "address.city"));
            }

            await transaction.CommitAsync(cancellationToken);
            return id;
        }

        /// <summary>Runs one step; its refused fields are renamed as the API's body names them (under <paramref name="part"/> unless mapped).</summary>
        private static async Task Step(string part, ValueTask<Unit> step, params (string Command, string Api)[] names)
        {
            try
            {
                await step;
            }
            catch (ValidationException e)
            {
                throw Infrastructure.Api.ApiFieldNames.Renamed(e, part, names);
            }
        }
    }
}
