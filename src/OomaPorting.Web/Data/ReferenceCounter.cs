using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OomaPorting.Web.Data;

/// <summary>The last request number given in a year: references read <c>POR-2026-000123</c>.</summary>
public sealed class ReferenceCounter
{
    public int Year { get; set; }

    public int LastValue { get; set; }
}

