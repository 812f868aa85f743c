using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>The porting terms the customer accepts: their version and their exact text.</summary>
public sealed record PortingTerms(string Version, string Text);
