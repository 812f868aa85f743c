using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>What the signer gives at submission, besides the answers.</summary>
/// <param name="SignerName">Full name typed by the signer.</param>
/// <param name="TermsAccepted">The acceptance box.</param>
/// <param name="ClientAddress">The client's IP address as the server saw it.</param>
/// <param name="UserAgent">The browser's User-Agent header.</param>
/// <param name="DrawnSignaturePng">An optional drawn signature (PNG bytes).</param>
/// <param name="Capacity">In what capacity the signer commits the holder.</param>
/// <param name="AuthorityConfirmed">The signer's declaration that this capacity lets them commit the holder.</param>
/// <param name="Confirmation">How the signer proved control of the admin's mailbox (the e-mailed code typed back).</param>
public sealed record SignatureInput(string SignerName, bool TermsAccepted, string? ClientAddress, string? UserAgent, byte[]? DrawnSignaturePng,
    SignerCapacity Capacity, bool AuthorityConfirmed, SignerConfirmation? Confirmation);
