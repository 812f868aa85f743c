using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OomaPorting.Web.Infrastructure.Forms;

/// <summary>
/// The error summary lists messages in the order of the form's fields, which is the order of the validator's rules.
/// ASP.NET Core's model state enumerates its keys alphabetically ("City" before "FirstName"), so the order of the
/// failures is remembered here and the summary follows it; a message for the whole form comes first.
/// </summary>
public static class ErrorOrder
{
    private const string Key = "OomaPorting.ErrorOrder";

    public static void Remember(ViewDataDictionary viewData, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[Key] = keys.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The model state's entries in error: the whole form's first, then in the remembered order, then the rest.</summary>
    public static IEnumerable<KeyValuePair<string, ModelStateEntry>> InFieldOrder(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        var order = viewData[Key] as List<string> ?? [];
        return viewData.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => new KeyValuePair<string, ModelStateEntry>(e.Key, e.Value!))
            .OrderBy(e => e.Key.Length == 0 ? -1 : order.IndexOf(e.Key) is var i and >= 0 ? i : int.MaxValue);
    }
}
