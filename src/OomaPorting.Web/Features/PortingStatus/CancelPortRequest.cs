using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OomaPorting.Domain.Calendar;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>The admin cancels a request, until two working days before its FOC date (the domain decides).</summary>
public static class CancelPortRequest
{
    public sealed class Command : ICommand
    {
        public Guid Id { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Reason).MaximumLength(2000).WithMessage(_ => text["Support.Comment.TooLong"]);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, BusinessCalendar calendar, IHttpContextAccessor http) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await db.PortRequests.Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException();
            r.Cancel(http.HttpContext!.User.ToActor(), command.Reason, calendar, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
