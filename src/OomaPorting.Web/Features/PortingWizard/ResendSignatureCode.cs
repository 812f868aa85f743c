using OomaPorting.Web.Infrastructure.Email;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>A new signature code for the signature waiting (the previous code stops counting), within the domain's limits.</summary>
public static class ResendSignatureCode
{
    public sealed record Command(Guid Id) : ICommand;

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current, EmailComposer composer) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = current.Actor;
            var r = await Drafts.LoadAsync(db, command.Id, time, cancellationToken, WizardSection.Signature);
            var latest = await ConfirmSignature.LatestAsync(db, r.Id, actor.UserId, cancellationToken) ?? throw new NoPendingCodeException(r.Id);
            await SignatureCodes.SendAsync(db, composer, r, latest.RequestVersion, actor, latest.Email, latest.PendingSignature, time.GetUtcNow().UtcDateTime, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
