using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Support;

/// <summary>What every support action form carries: the request's version as the agent saw it.</summary>
public interface ISupportAction
{
    Guid Id { get; set; }

    int Version { get; set; }
}
