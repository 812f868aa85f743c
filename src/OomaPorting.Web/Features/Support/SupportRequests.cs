using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Support;

/// <summary>
/// Support works across every account: this is the one reviewed place where its commands lift the account filter.
/// Every support slice loads through here, and checks the version the agent saw.
/// </summary>
internal static class SupportRequests
{
    public static async Task<PortRequest> LoadForActionAsync(AppDbContext db, Guid id, int seenVersion, CancellationToken ct)
    {
        var request = await db.PortRequests.IgnoreQueryFilters().Include(r => r.Lines)
            .FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException();
        if (request.Version != seenVersion)
        {
            throw new ConcurrentChangeException();
        }

        return request;
    }
}

