using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Porting;

/// <summary>One number to port, with its RIO. The first line of a request is the main line (NDI) of the carrier account.</summary>
public sealed class PortLine
{
    internal PortLine(Guid id, Guid accountId, Guid portRequestId, int position, FrenchNumber number, Rio? rio)
    {
        Id = id;
        AccountId = accountId;
        PortRequestId = portRequestId;
        Position = position;
        Number = number;
        Rio = rio;
        Status = PortLineStatus.Pending;
    }

    private PortLine()
    {
        Number = null!;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid PortRequestId { get; private set; }

    /// <summary>0 for the main line, then the order the customer gave.</summary>
    public int Position { get; private set; }

    public bool IsMainLine => Position == 0;

    public FrenchNumber Number { get; private set; }

    public Rio? Rio { get; private set; }

    public PortLineStatus Status { get; private set; }

    internal void ChangeRio(Rio? rio) => Rio = rio;

    internal void MarkPorted() => Status = PortLineStatus.Ported;

    internal void MarkCancelled() => Status = PortLineStatus.Cancelled;
}

