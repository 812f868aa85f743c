using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Porting;

/// <summary>What the wizard fills in: editable by the account admin in Draft, and in ActionRequired only for the reopened sections.</summary>
public sealed partial class PortRequest
{
    public NumberType? NumberType { get; private set; }

    /// <summary>A code of <see cref="Carrier"/>, or <see cref="Carrier.OtherCode"/> with <see cref="CarrierOtherName"/>.</summary>
    public string? CarrierCode { get; private set; }

    public string? CarrierOtherName { get; private set; }

    public CarrierAccountNumber? CarrierAccountNumber { get; private set; }

    public InternetConnection? InternetConnection { get; private set; }

    public SharedLineAnswer? SharedLine { get; private set; }

    /// <summary>The admin confirmed internet and telephone no longer share the line (dry line or separate access).</summary>
    public bool LinesSeparatedConfirmed { get; private set; }

    public ServiceAddress? ServiceAddress { get; private set; }

    public AccountHolder? AccountHolder { get; private set; }

    /// <summary>The ported number that becomes the account's main Ooma number.</summary>
    public FrenchNumber? MainOomaNumber { get; private set; }

    /// <summary>The admin chose the main number: one of the ported numbers, or (null) the account's current one.</summary>
    public bool MainNumberDecided { get; private set; }

    /// <summary>The customer asked to keep the temporary number as a virtual number (billed like any extra number).</summary>
    public bool KeepTemporaryNumber { get; private set; }

    /// <summary>The signer of the mandate in force.</summary>
    public string? SignerName { get; private set; }

    public DateTime? SignedAtUtc { get; private set; }

    /// <summary>ADSL/VDSL on the same line (or not known) and no confirmation that the services were separated.</summary>
    public bool IsBlockedByDryLine =>
        InternetConnection == Porting.InternetConnection.AdslVdsl
        && SharedLine is SharedLineAnswer.Yes or SharedLineAnswer.DontKnow
        && !LinesSeparatedConfirmed;

    public string? CarrierDisplayName => Carrier.DisplayName(NumberType, CarrierCode, CarrierOtherName);

    /// <summary>The sections the admin may change now: all of them in Draft, those tied to the reasons in ActionRequired.</summary>
    public WizardSection EditableSections => Status switch
    {
        PortRequestStatus.Draft => WizardSection.All,
        PortRequestStatus.ActionRequired => ReasonCodes.SectionsFor(_actionReasons),
        _ => WizardSection.None,
    };

    /// <summary>The sections still missing before the request can be signed.</summary>
    public WizardSection MissingForSubmission()
    {
        var missing = WizardSection.None;
        if (NumberType is null)
        {
            missing |= WizardSection.NumberType;
        }

        if (CarrierCode is null)
        {
            missing |= WizardSection.Carrier;
        }

        if (CarrierAccountNumber is null || (AsksInternet && InternetConnection is null)
            || (InternetConnection == Porting.InternetConnection.AdslVdsl && SharedLine is null))
        {
            missing |= WizardSection.CarrierAccount;
        }

        // A follow-up starts with the refused numbers as they were: its main line must have its RIO before it is signed.
        if (_lines.Count == 0 || (NumberType is { } type && _lines.Any(l => CheckLine(type, l.Number, l.Rio, l.IsMainLine, CarrierCode) is not null)))
        {
            missing |= WizardSection.Lines;
        }

        if (ServiceAddress is null || AccountHolder is null || AccountHolder.LacksSiret)
        {
            missing |= WizardSection.AddressAndHolder;
        }

        if (!MainNumberDecided)
        {
            missing |= WizardSection.MainNumber;
        }

        if (LacksBill)
        {
            missing |= WizardSection.Documents;
        }

        return missing;
    }

    public void ChooseNumberType(Actor actor, NumberType type, bool acceptMobileNumbers, DateTime nowUtc)
    {
        RequireEditable(actor, WizardSection.NumberType);
        if (!Enum.IsDefined(type))
        {
            throw new DomainException("NumberType.Required", "Choose fixed or mobile.");
        }

        if (type == Porting.NumberType.Mobile && !acceptMobileNumbers)
        {
            throw new DomainException("NumberType.MobileNotAccepted", "Mobile numbers cannot be ported at the moment.");
        }

        if (NumberType != type)
        {
            // The carrier list and the valid numbers depend on the type: what was chosen for the other type no longer holds.
            CarrierCode = null;
            CarrierOtherName = null;
            _lines.Clear();
            MainOomaNumber = null;
            MainNumberDecided = false;
            if (type == Porting.NumberType.Mobile)
            {
                // A mobile line shares nothing with an internet access: the question goes, and its answers with it.
                InternetConnection = null;
                SharedLine = null;
                LinesSeparatedConfirmed = false;
            }
        }

        NumberType = type;
        Touch(nowUtc);
    }

    public void ChooseCarrier(Actor actor, string carrierCode, string? otherName, DateTime nowUtc)
    {
        RequireEditable(actor, WizardSection.Carrier);
        if (NumberType is not { } type)
        {
            throw new DomainException("Carrier.NumberTypeFirst", "Choose the number type first.");
        }

        if (carrierCode == Carrier.OtherCode)
        {
            CarrierOtherName = DomainText.Clean(otherName, Carrier.OtherNameField, Carrier.MaxOtherNameLength);
        }
        else if (Carrier.Find(type, carrierCode) is null)
        {
            throw new DomainException("Carrier.Required", "Choose a carrier from the list.");
        }
        else
        {
            CarrierOtherName = null;
        }

        CarrierCode = carrierCode;
        Touch(nowUtc);
    }

    /// <summary>
    /// Whether the carrier account step asks for the internet connection: for a fixed line only (an ADSL line shared with
    /// the phone line must be separated before the port; a mobile line shares nothing with an internet access).
    /// </summary>
    public bool AsksInternet => NumberType != Porting.NumberType.Mobile;

    /// <param name="connection">Required when <see cref="AsksInternet"/>; ignored otherwise.</param>
    public void EnterCarrierAccount(Actor actor, CarrierAccountNumber accountNumber, InternetConnection? connection,
        SharedLineAnswer? sharedLine, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(accountNumber);
        RequireEditable(actor, WizardSection.CarrierAccount);
        if (!AsksInternet)
        {
            CarrierAccountNumber = accountNumber;
            InternetConnection = null;
            SharedLine = null;
            LinesSeparatedConfirmed = false;
            Touch(nowUtc);
            return;
        }

        if (connection is not { } chosen || !Enum.IsDefined(chosen))
        {
            throw new DomainException("Internet.Required", "Choose the internet connection.");
        }

        if (chosen == Porting.InternetConnection.AdslVdsl)
        {
            if (sharedLine is not { } answer || !Enum.IsDefined(answer))
            {
                throw new DomainException("Internet.SharedLine.Required", "Say whether ADSL uses the same line.");
            }

            if (SharedLine != answer)
            {
                LinesSeparatedConfirmed = false;
            }

            SharedLine = answer;
        }
        else
        {
            SharedLine = null;
            LinesSeparatedConfirmed = false;
        }

        CarrierAccountNumber = accountNumber;
        InternetConnection = chosen;
        Touch(nowUtc);
    }

    /// <summary>The admin confirms internet and telephone were separated (dry line or independent access).</summary>
    public void ConfirmLinesSeparated(Actor actor, DateTime nowUtc)
    {
        RequireEditable(actor, WizardSection.CarrierAccount);
        if (InternetConnection != Porting.InternetConnection.AdslVdsl || SharedLine is not (SharedLineAnswer.Yes or SharedLineAnswer.DontKnow))
        {
            throw new DomainException("Internet.NothingToSeparate", "No shared line was declared.");
        }

        LinesSeparatedConfirmed = true;
        Touch(nowUtc);
    }

    /// <summary>
    /// Replaces the lines. The first is the main line of the carrier account. Each number must be of the chosen type,
    /// never an 08 number, not twice; a RIO is required for mobile numbers and for the main line, and its key must match.
    /// Whether a number already belongs to an Ooma account is checked by the caller, who can see the database.
    /// </summary>
    public void SetLines(Actor actor, IReadOnlyList<LineInput> lines, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(lines);
        RequireEditable(actor, WizardSection.Lines);
        if (NumberType is not { } type)
        {
            throw new DomainException("Lines.NumberTypeFirst", "Choose the number type first.");
        }

        if (lines.Count == 0)
        {
            throw new DomainException("Lines.Required", "Enter at least the main line.");
        }

        if (lines.Count > MaxLines)
        {
            throw new DomainException("Lines.TooMany", $"At most {MaxLines} numbers per request.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var (number, rio) = lines[i];
            if (CheckLine(type, number, rio, isMain: i == 0, CarrierCode) is { } problem)
            {
                throw new DomainException(problem, "A line is not valid for this request (08 number, wrong type, missing or wrong RIO).");
            }
            if (!seen.Add(number.E164))
            {
                throw new DomainException("Lines.Duplicate", $"{number.Masked} is entered twice.");
            }
        }

        // A line keeps its place: the number entered there again keeps it as it was (its RIO may change), another
        // number takes it over, starting afresh; places past the new list go. Saving the step again, or fixing a few
        // numbers of a block of 1,000, rewrites only what changed, and even a new list of 1,000 numbers is 999 updates
        // of a line's number, not 999 deletions and 999 insertions (one statement each on SQLite).
        var byPosition = _lines.ToDictionary(l => l.Position);
        _lines.RemoveAll(l => l.Position >= lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!byPosition.TryGetValue(i, out var line))
            {
                _lines.Add(new PortLine(Guid.CreateVersion7(nowUtc), AccountId, Id, i, lines[i].Number, lines[i].Rio));
            }
            else if (line.Number != lines[i].Number)
            {
                line.Renumber(lines[i].Number, lines[i].Rio);
            }
            else
            {
                line.ChangeRio(lines[i].Rio);

                // Entered again while the request is sent back: a refused or withdrawn number is sent again.
                if (line.Status is PortLineStatus.Refused or PortLineStatus.Withdrawn && line.FollowUpRequestId is null)
                {
                    line.BackToPending();
                }
            }
        }

        _lines.Sort((a, b) => a.Position.CompareTo(b.Position));

        if (MainOomaNumber is { } main && !seen.Contains(main.E164))
        {
            MainOomaNumber = null;
            MainNumberDecided = false;
        }

        Touch(nowUtc);
    }

    /// <summary>
    /// The rule of one line on its own, for <see cref="SetLines"/> and for the numbers form (which places the message on
    /// the number or the RIO field by the code's prefix): the refusal's code, or null. A RIO names its operator in its
    /// first two characters: when the chosen carrier is one of the list (not "Autre"), they must be its code.
    /// </summary>
    public static string? CheckLine(NumberType type, FrenchNumber number, Rio? rio, bool isMain, string? carrierCode = null)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (number.Class == NumberClass.Special)
        {
            return "Lines.SpecialNumber";
        }

        if (type == Porting.NumberType.Fixed && !number.IsPortableFixedLine)
        {
            return "Lines.NotFixed";
        }

        if (type == Porting.NumberType.Mobile && number.Class != NumberClass.Mobile)
        {
            return "Lines.NotMobile";
        }

        if (rio is null)
        {
            return type == Porting.NumberType.Mobile || isMain ? (isMain ? "Rio.RequiredForMainLine" : "Rio.RequiredForMobile") : null;
        }

        if (Carrier.Find(type, carrierCode) is { } carrier && !string.Equals(rio.OperatorCode, carrier.Code, StringComparison.Ordinal))
        {
            return "Rio.CarrierMismatch";
        }

        return rio.MatchesNumber(number) ? null : "Rio.KeyMismatch";
    }

    public void EnterServiceAddressAndHolder(Actor actor, ServiceAddress address, AccountHolder holder, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(holder);
        RequireEditable(actor, WizardSection.AddressAndHolder);
        ServiceAddress = address;
        AccountHolder = holder;
        Touch(nowUtc);
    }

    /// <summary>
    /// Chooses which number becomes the account's main number when the port completes: one of the ported numbers,
    /// or null to keep the current one (only when the account already has a main number of its own, not a temporary one).
    /// </summary>
    public void ChooseMainNumber(Actor actor, FrenchNumber? mainNumber, bool keepTemporaryNumber, bool accountHasOwnMainNumber, DateTime nowUtc)
    {
        RequireEditable(actor, WizardSection.MainNumber | WizardSection.Lines);
        if (mainNumber is null && !accountHasOwnMainNumber)
        {
            throw new DomainException("MainNumber.Required", "Choose which ported number becomes the main number.");
        }

        if (mainNumber is not null && !_lines.Any(l => l.Number == mainNumber))
        {
            throw new DomainException("MainNumber.NotInRequest", "Choose one of the numbers being ported.");
        }

        MainOomaNumber = mainNumber;
        MainNumberDecided = true;
        KeepTemporaryNumber = keepTemporaryNumber;
        Touch(nowUtc);
    }

    private void RequireEditable(Actor actor, WizardSection section)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireRole(actor, ActorRole.AccountAdmin);
        if (Status is not (PortRequestStatus.Draft or PortRequestStatus.ActionRequired))
        {
            throw new DomainException("PortRequest.Locked", "A submitted request can no longer be changed.");
        }

        if ((EditableSections & section) == 0)
        {
            throw new DomainException("PortRequest.SectionLocked", $"{section} is not reopened for this fix.");
        }
    }
}
