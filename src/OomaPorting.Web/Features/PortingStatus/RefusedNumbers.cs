using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>
/// What the admin chooses among the numbers the carrier refused (<see cref="PortLine.AwaitsCustomer"/>): the form both
/// <see cref="WithdrawNumbers"/> and <see cref="StartFollowUp"/> post, and how their handlers load the request.
/// </summary>
public static class RefusedNumbers
{
    public abstract class Choice
    {
        public Guid Id { get; set; }

        /// <summary>The request's version on the page the admin saw.</summary>
        public int Version { get; set; }

        /// <summary>The refused numbers ticked (their lines).</summary>
        public List<Guid> LineIds { get; set; } = [];
    }

    /// <summary>The one rule of the choice, for each command's validator: at least one number ticked.</summary>
    public static void Rules<T>(AbstractValidator<T> validator, IStringLocalizer text)
        where T : Choice
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(text);
        validator.RuleFor(c => c.LineIds).Must(ids => ids is { Count: > 0 and <= PortRequest.MaxLines })
            .WithMessage(_ => text["Detail.Refused.ChooseNumbers"]);
    }

    /// <summary>The request of the admin's account (another account's is not found), at the version the admin saw.</summary>
    public static async Task<PortRequest> LoadAsync(AppDbContext db, Choice choice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(choice);
        var r = await db.PortRequests.Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == choice.Id, ct) ?? throw new NotFoundException();
        if (r.Version != choice.Version)
        {
            throw new ConcurrentChangeException();
        }

        return r;
    }
}
