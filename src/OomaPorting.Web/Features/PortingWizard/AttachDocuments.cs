using FluentValidation.Results;
using OomaPorting.Web.Infrastructure.Documents;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>
/// Step 6, "Justificatifs": the admin attaches a recent bill of the current carrier (required for fixed numbers) and,
/// if they wish, a Kbis extract or another document. Every file posted is checked (<see cref="DocumentInspector"/>) and
/// all are refused together when one is: nothing is stored half-way.
/// </summary>
public static class AttachDocuments
{
    /// <summary>The largest body the upload accepts: five files of 10 MB and the form around them.</summary>
    public const long MaxRequestBytes = (PortRequest.MaxDocuments * SupportingDocument.MaxBytes) + (1024 * 1024);

    public sealed record Query(Guid Id, string? ReturnTo) : IQuery<Form>;

    /// <param name="BillRequired">A fixed-number request: a bill must be attached before it is signed.</param>
    public sealed record Form(Command Command, IReadOnlyList<SupportingDocument> Documents, bool BillRequired, int Room);

    public sealed class Command : ICommand, IWizardCommand
    {
        public Guid Id { get; set; }

        public string? ReturnTo { get; set; }

        /// <summary>A <see cref="DocumentKind"/> name: what the files are.</summary>
        public string? Kind { get; set; }

        /// <summary>The files of one post (one or more; see <see cref="PortRequest.MaxDocuments"/>).</summary>
        public List<IFormFile> Files { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Kind).Must(k => Enum.TryParse<DocumentKind>(k, out var kind) && Enum.IsDefined(kind))
                .WithMessage(text["Error.Document.Kind.Required"]);
            RuleFor(c => c.Files).Must(f => f.Count > 0).WithMessage(text["Error.Document.Required"])
                .Must(f => f.Count <= PortRequest.MaxDocuments).WithMessage(text["Error.Document.TooMany", PortRequest.MaxDocuments]);
        }
    }

    public sealed class QueryHandler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, Form>
    {
        public async ValueTask<Form> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, query.Id, time, cancellationToken, WizardSection.Documents);
            var documents = await db.SupportingDocuments.AsNoTracking().Where(d => d.PortRequestId == r.Id)
                .OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.Id).ToListAsync(cancellationToken);
            return new Form(new Command { Id = r.Id, ReturnTo = query.ReturnTo, Kind = r.BillCount == 0 ? nameof(DocumentKind.CarrierBill) : null },
                documents, r.NumberType == NumberType.Fixed, PortRequest.MaxDocuments - r.DocumentCount);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current, DocumentInspector inspector, IDocumentStore store,
        IStringLocalizer<SharedResource> text) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, command.Id, time, cancellationToken, WizardSection.Documents);
            if (command.Files.Count > PortRequest.MaxDocuments - r.DocumentCount)
            {
                throw Refused(text["Error.Document.NoRoom", PortRequest.MaxDocuments, PortRequest.MaxDocuments - r.DocumentCount]);
            }

            // Every file is checked before anything is kept; the refusals name each file at fault, all at once.
            var accepted = new List<(IFormFile File, InspectedDocument Document)>();
            var problems = new List<string>();
            foreach (var file in command.Files)
            {
                await using var upload = file.OpenReadStream();
                var inspected = await inspector.InspectAsync(upload, cancellationToken);
                if (inspected.Problem is { } problem)
                {
                    problems.Add(text["Error.Document.InFile", SupportingDocument.DisplayName(file.FileName), text[$"Error.{problem}"]]);
                }
                else
                {
                    accepted.Add((file, inspected));
                }
            }

            if (problems.Count > 0)
            {
                throw new ValidationException(problems.Select(p => new ValidationFailure(nameof(Command.Files), p)));
            }

            var kind = Enum.Parse<DocumentKind>(command.Kind!);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var (file, document) in accepted)
            {
                var id = Guid.CreateVersion7(now);
                r.AttachDocument(current.Actor, id, kind, file.FileName, document.ContentType, document.Content.Length, document.Sha256, now);
                store.Add(id, document.Content);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        private static ValidationException Refused(string message) => new([new ValidationFailure(nameof(Command.Files), message)]);
    }
}
