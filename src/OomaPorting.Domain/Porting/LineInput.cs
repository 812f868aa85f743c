using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Porting;

/// <summary>What the customer enters for one line: a number and, when they have it, its RIO.</summary>
public sealed record LineInput(FrenchNumber Number, Rio? Rio);
