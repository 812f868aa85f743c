using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OomaPorting.Web.Data.Configurations;

/// <summary>
/// Value objects are stored as their canonical text and rebuilt through their own parsers.
/// Typed as the non-generic base so one converter serves nullable and non-nullable properties alike.
/// </summary>
internal static class ValueConverters
{
    public static readonly ValueConverter FrenchNumber =
        new ValueConverter<FrenchNumber, string>(n => n.E164, s => Domain.Numbers.FrenchNumber.FromE164(s));

    public static readonly ValueConverter Rio =
        new ValueConverter<Rio, string>(r => r.Value, s => Domain.Numbers.Rio.Parse(s));

    public static readonly ValueConverter CarrierAccountNumber =
        new ValueConverter<CarrierAccountNumber, string>(a => a.Value, s => Domain.Numbers.CarrierAccountNumber.Parse(s));

    public static readonly ValueConverter Siret =
        new ValueConverter<Domain.Accounts.Siret, string>(s => s.Value, s => Domain.Accounts.Siret.Parse(s));
}
