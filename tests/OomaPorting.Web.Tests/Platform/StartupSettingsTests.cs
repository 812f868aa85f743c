using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>A wrong setting stops the portal at start-up with a message naming the key, not at the first request that needs it.</summary>
public class StartupSettingsTests
{
    public static TheoryData<string, string, string> WrongSettings => new()
    {
        { "Email:Transport", "Pigeon", "Email:Transport 'Pigeon' is unknown" },
        { "Email:PortalUrl", "portail.ooma", "Email:PortalUrl 'portail.ooma' must be an absolute" },
        { "Email:MaxAttempts", "0", "Email:MaxAttempts must be between 1 and 100" },
        { "SignIn:PermitPerMinute", "0", "PermitPerMinute must be at least 1" },
        { "Database:Provider", "Oracle", "Database:Provider 'Oracle' is unknown" },
        { "Database:SqliteDurability", "Parfois", "Database:SqliteDurability" },
        { "Database:SqliteDurability", "7", "Database:SqliteDurability '7' is unknown" },
        { "Retention:PersonalDataAfterMonths", "0", "Retention:PersonalDataAfterMonths must be between 1 and 120" },
        { "Retention:SentEmailContentAfterDays", "6", "Retention:SentEmailContentAfterDays must be between 7 and 3650" },
        { "Retention:MandateAfterYears", "31", "Retention:MandateAfterYears must be between 1 and 30" },
        { "Telemetry:OtlpEndpoint", "collecteur:4317", "Telemetry:OtlpEndpoint 'collecteur:4317' must be an absolute http(s) address" },
        { "Telemetry:Protocol", "Pigeon", "Telemetry:Protocol 'Pigeon' is unknown" },
        { "Database:StaleMigrationLockMinutes", "0", "Database:StaleMigrationLockMinutes must be between 1 and 1440" },
        { "Porting:AcceptMobileNumbers", "peut-être", "Porting:AcceptMobileNumbers" },
        { "Sla:FocWithinWorkingDays", "0", "Sla:FocWithinWorkingDays must be between 1 and 60" },
        { "SupportContact:Phone", "0800 GRATUIT", "SupportContact:Phone '0800 GRATUIT' is not a French phone number" },
        { "SupportContact:Closes", "08:00", "must be HH:mm times, opening before closing" },
        { "Proxy:KnownProxies:0", "proxy.interne", "Proxy:KnownProxies 'proxy.interne' is not an IP address" },
        { "Proxy:KnownNetworks:0", "10.0.0.0", "Proxy:KnownNetworks '10.0.0.0' is not a network" },
        { "Mandate:SealKey", "trop-courte", "Mandate:SealKey must be base64 of at least 32 bytes" },
        { "Mandate:SealKey", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "Mandate:SealKey must be base64 of at least 32 bytes" }, // 29 bytes
        { "Mandate:RetiredSealKeys:0", "AAAA", "Every Mandate:RetiredSealKeys entry must be base64 of at least 32 bytes" },
        { "Mandate:SigningCertificatePath", "/nulle/part/mandat.pfx", "Mandate:SigningCertificatePath: no file at '/nulle/part/mandat.pfx'" },
        { "Mandate:LegalEntityName", "", "Mandate:LegalEntityName is required" },
    };

    [Fact]
    public void A_configured_seal_key_is_the_one_used_and_no_key_file_is_made()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Mandate:SealKey"] = Convert.ToBase64String(key) });
        using var client = factory.CreateClient();
        var keys = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<OomaPorting.Web.Infrastructure.Mandates.MandateSealKeys>(factory.Services);
        Assert.Equal(new Domain.Porting.MandateSealKey(key).Id, keys.Current.Id);
        Assert.False(File.Exists(Path.Combine(factory.DataFolder, OomaPorting.Web.Infrastructure.Mandates.MandateSealKeys.FileName)));
    }

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public void A_wrong_setting_stops_the_start_with_a_message_naming_it(string key, string value, string message)
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { [key] = value });

        var refused = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(refused);
        Assert.Contains(message, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_start()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();
        Assert.NotNull(client);
    }
}
