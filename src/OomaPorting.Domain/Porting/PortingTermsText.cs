using System.Globalization;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// The porting terms the admin accepts, versioned: the signed mandate hashes the exact text shown. Change the text,
/// change the version, so every mandate can be checked against the text its signer read.
/// </summary>
public static class PortingTermsText
{
    public const string Version = "2026-11";

    private const string French = """
        Mandat de portage de numéros

        1. Le titulaire, représenté par le signataire, demande le portage vers Ooma Office des numéros listés dans ce mandat et mandate Ooma pour effectuer en son nom, auprès de l'opérateur actuel, toutes les démarches nécessaires.
        2. La demande de portage vaut résiliation du contrat auprès de l'opérateur actuel pour les numéros portés, à la date du portage. Le titulaire ne doit pas résilier lui-même sa ligne avant la fin du portage : un numéro résilié trop tôt peut être perdu définitivement.
        3. Le titulaire reste redevable envers son opérateur actuel des sommes dues jusqu'à la date du portage, ainsi que des éventuels frais de résiliation anticipée prévus par son contrat.
        4. Les informations fournies (titulaire, adresse d'installation, numéro de compte, RIO) doivent correspondre exactement à celles connues de l'opérateur actuel ; à défaut, la demande peut être rejetée et devra être corrigée.
        5. Si l'accès internet ADSL utilise la même ligne qu'un numéro porté, il peut être interrompu : le titulaire s'engage à avoir fait séparer les deux services avant la date du portage.
        6. Le portage est gratuit. Une fois portés, le premier numéro attribué à chaque utilisateur est inclus ; chaque numéro supplémentaire, numéros virtuels compris, est facturé 9,95 € par mois TTC.
        7. La date de portage (CCF) est communiquée par Ooma après accord de l'opérateur actuel. Le titulaire peut annuler la demande jusqu'à deux jours ouvrés avant cette date.
        8. Le signataire déclare être habilité à engager le titulaire pour cette demande.
        """;

    private const string English = """
        Number porting mandate

        1. The account holder, represented by the signer, asks for the numbers listed in this mandate to be ported to Ooma Office and authorises Ooma to carry out, in the holder's name, every step needed with the current carrier.
        2. The porting request terminates the contract with the current carrier for the ported numbers, on the porting date. The holder must not cancel the line themselves before the port is complete: a number cancelled too early can be lost for good.
        3. The holder remains liable to the current carrier for amounts due up to the porting date, and for any early-termination fees their contract provides for.
        4. The information given (holder, service address, account number, RIO) must match exactly what the current carrier holds; otherwise the request can be rejected and will have to be corrected.
        5. If ADSL internet access uses the same line as a ported number, it can be interrupted: the holder undertakes to have the two services separated before the porting date.
        6. Porting is free. Once ported, the first number assigned to each user is included; every additional number, virtual numbers included, costs EUR 9.95 a month including VAT.
        7. The porting date (FOC) is given by Ooma once the current carrier agrees. The holder may cancel the request up to two working days before that date.
        8. The signer declares they are authorised to commit the holder to this request.
        """;

    /// <summary>The terms in the reader's language; the version says which language was signed.</summary>
    public static PortingTerms Current(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "en"
            ? new PortingTerms(Version + "-en", English.Trim())
            : new PortingTerms(Version + "-fr", French.Trim());
    }
}
