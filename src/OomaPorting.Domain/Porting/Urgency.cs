namespace OomaPorting.Domain.Porting;

/// <summary>The support queue's first sort key: what must be looked at first (docs/domain.md, "Service levels").</summary>
public enum Urgency
{
    /// <summary>Late for a reason of <see cref="LateReason"/>.</summary>
    Late = 0,

    /// <summary>Due today: the numbers move today (FOC date), or a test call started today waits for its result.</summary>
    DueToday = 1,

    /// <summary>Everything else, oldest first.</summary>
    Later = 2,
}
