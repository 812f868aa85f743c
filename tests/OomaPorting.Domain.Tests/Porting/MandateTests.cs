using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

public class MandateTests
{
    [Fact]
    public void Submitting_records_a_mandate_over_every_answer_and_the_terms()
    {
        var r = CompleteDraft();
        var mandate = r.Submit(Admin, Signature(), Terms, "POR-2026-000042", Now);

        Assert.Equal("POR-2026-000042", r.Reference);
        Assert.Same(mandate, Assert.Single(r.Mandates));
        Assert.Equal("Jeanne Martin", mandate.SignerName);
        Assert.Equal(Now, mandate.SignedAtUtc);
        Assert.Equal("203.0.113.7", mandate.ClientAddress);
        Assert.Equal("TestAgent/1.0", mandate.UserAgent);
        Assert.Equal("2026-11", mandate.TermsVersion);
        Assert.Matches("^[0-9a-f]{64}$", mandate.Sha256);
        foreach (var fact in new[] { "+33140000000", "+33950000000", "F0X123456PVT", "ACC-12345", "12 rue de la Paix", "75002", "Jeanne", "Martin", Terms.Text, "POR-2026-000042" })
        {
            Assert.Contains(fact, mandate.CanonicalText, StringComparison.Ordinal);
        }

        Assert.Equal(MandateIntegrity.FingerprintOnly, mandate.CheckWith([]));
        Assert.True(r.AnswersMatchMandate(Terms));
    }

    private static readonly MandateSealKey Key = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    [Fact]
    public void A_keyed_seal_holds_for_the_text_it_sealed_and_only_under_its_key()
    {
        var mandate = CompleteDraft().Submit(Admin, Signature(), Terms, "POR-2026-000042", Now);
        mandate.SealWith(Key);
        Assert.Equal(Key.Id, mandate.SealKeyId);
        Assert.Matches("^[0-9a-f]{64}$", mandate.Seal);
        Assert.NotEqual(mandate.Sha256, mandate.Seal);
        Assert.Equal(MandateIntegrity.Intact, mandate.CheckWith([Key]));

        // Sealing again changes nothing; another key cannot check it; a retired key kept beside a new one still can.
        var other = new MandateSealKey([.. Enumerable.Range(2, 32).Select(i => (byte)i)]);
        var seal = mandate.Seal;
        mandate.SealWith(other);
        Assert.Equal(seal, mandate.Seal);
        Assert.Equal(MandateIntegrity.UnknownKey, mandate.CheckWith([other]));
        Assert.Equal(MandateIntegrity.Intact, mandate.CheckWith([other, Key]));
        Assert.NotEqual(Key.Id, other.Id);
    }

    [Fact]
    public void An_edited_text_with_a_recomputed_plain_hash_is_still_detected_by_the_keyed_seal()
    {
        var mandate = CompleteDraft().Submit(Admin, Signature(), Terms, "POR-2026-000042", Now);
        mandate.SealWith(Key);
        var forged = mandate.CanonicalText.Replace("Jeanne", "Jeannot", StringComparison.Ordinal);
        var rehashed = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(forged)));

        Assert.Equal(MandateIntegrity.Altered, Mandate.Check(forged, rehashed, mandate.SealKeyId, mandate.Seal, [Key]));
        Assert.Equal(MandateIntegrity.Altered, Mandate.Check(forged, mandate.Sha256, mandate.SealKeyId, mandate.Seal, [Key]));
        Assert.Equal(MandateIntegrity.Intact, Mandate.Check(mandate.CanonicalText, mandate.Sha256, mandate.SealKeyId, mandate.Seal, [Key]));
        // The seal is compared whole: one changed character of the seal itself is refused too.
        var flipped = (mandate.Seal![0] == 'a' ? 'b' : 'a') + mandate.Seal[1..];
        Assert.Equal(MandateIntegrity.Altered, Mandate.Check(mandate.CanonicalText, mandate.Sha256, mandate.SealKeyId, flipped, [Key]));
    }

    [Fact]
    public void A_seal_key_is_at_least_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => new MandateSealKey(new byte[31]));
    }

    [Fact]
    public void The_hash_detects_a_changed_answer_or_changed_terms()
    {
        var r = InState(PortRequestStatus.Submitted);
        r.RequireAction(Support, [ReasonCode.HolderMismatch], "Nom", Now);
        Assert.True(r.AnswersMatchMandate(Terms));
        r.EnterServiceAddressAndHolder(Admin, ServiceAddress.Create("12 rue de la Paix", null, "75002", "Paris"), AccountHolder.Create("Jeanne", "Martin", "SARL Martin", "443 512 098 00015"), Now);
        Assert.False(r.AnswersMatchMandate(Terms));
        Assert.False(InState(PortRequestStatus.Submitted).AnswersMatchMandate(Terms with { Text = Terms.Text + " modifié" }));
    }

    [Fact]
    public void A_resubmission_keeps_the_reference_and_adds_a_second_mandate()
    {
        var r = InState(PortRequestStatus.ActionRequired);
        var first = r.Mandates[0];
        r.Submit(Admin, Signature("Jeanne Martin"), Terms, "POR-2026-999999", Now.AddDays(1));
        Assert.Equal("POR-2026-000001", r.Reference);
        Assert.Equal(2, r.Mandates.Count);
        Assert.Equal(2, r.Mandates[1].Sequence);
        Assert.NotEqual(first.Sha256, r.Mandates[1].Sha256);
    }

    [Fact]
    public void A_drawn_signature_must_be_a_small_png()
    {
        var r = CompleteDraft();
        Assert.Equal("Signature.Drawing.Invalid", Assert.Throws<DomainException>(() =>
            r.Submit(Admin, Signature(drawing: [1, 2, 3, 4, 5, 6, 7, 8, 9]), Terms, "POR-2026-000001", Now)).Code);
        byte[] tooBig = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[Mandate.MaxDrawingBytes]];
        Assert.Equal("Signature.Drawing.Invalid", Assert.Throws<DomainException>(() =>
            r.Submit(Admin, Signature(drawing: tooBig), Terms, "POR-2026-000001", Now)).Code);
        Assert.Equal(PortRequestStatus.Draft, r.Status);
        Assert.Empty(r.Mandates);
        Assert.Null(r.Reference);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        r.Submit(Admin, Signature(drawing: png), Terms, "POR-2026-000001", Now);
        Assert.Equal(png, r.Mandates[0].DrawnSignaturePng);
    }

    [Fact]
    public void Keeping_the_current_main_number_needs_an_account_main_number_of_its_own()
    {
        var r = CompleteDraft();
        Assert.Equal("MainNumber.Required", Assert.Throws<DomainException>(() =>
            r.ChooseMainNumber(Admin, null, false, accountHasOwnMainNumber: false, Now)).Code);
        r.ChooseMainNumber(Admin, null, false, accountHasOwnMainNumber: true, Now);
        Assert.Null(r.MainOomaNumber);
        Assert.True(r.MainNumberDecided);
        r.Submit(Admin, Signature(), Terms, "POR-2026-000001", Now);
        Assert.Contains("main-number: keep-current", r.Mandates[0].CanonicalText, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_an_admin_deletes_and_only_a_draft()
    {
        CompleteDraft().EnsureDeletable(Admin);
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() => CompleteDraft().EnsureDeletable(User)).Code);
        Assert.Equal("PortRequest.InvalidTransition", Assert.Throws<DomainException>(() => InState(PortRequestStatus.Submitted).EnsureDeletable(Admin)).Code);
    }

    [Fact]
    public void A_holder_may_name_the_company_on_the_bill_with_its_siret()
    {
        var h = AccountHolder.Create("Jeanne", "Martin", "  Boulangerie Martin SARL ", "443 512 098 00015");
        Assert.Equal("Boulangerie Martin SARL", h.CompanyName);
        Assert.Equal("44351209800015", h.Siret!.Value);
        Assert.False(h.LacksSiret);
        var person = AccountHolder.Create("Jeanne", "Martin", " ");
        Assert.Null(person.CompanyName);
        Assert.Null(person.Siret);
        Assert.False(person.LacksSiret);
    }

    [Theory]
    [InlineData("Boulangerie Martin SARL", null, "Siret.Required")]
    [InlineData("Boulangerie Martin SARL", "4435120980001", "Siret.Format")]
    [InlineData("Boulangerie Martin SARL", "44351209800016", "Siret.Key")]
    [InlineData("", "44351209800015", "Holder.Siret.WithoutCompany")]
    [InlineData("La Poste", "35600000049837", null)] // La Poste: digits sum to a multiple of 5, not Luhn
    [InlineData(null, null, null)]
    public void A_company_holder_needs_a_valid_siret_and_a_person_has_none(string? company, string? siret, string? problem)
    {
        Assert.Equal(problem, AccountHolder.CheckSiret(company, siret));
        if (problem is null)
        {
            AccountHolder.Create("Jeanne", "Martin", company, siret);
        }
        else
        {
            Assert.Equal(problem, Assert.Throws<DomainException>(() => AccountHolder.Create("Jeanne", "Martin", company, siret)).Code);
        }
    }

    [Fact]
    public void The_signer_states_a_capacity_and_confirms_their_authority_or_nothing_is_submitted()
    {
        var r = CompleteDraft();
        Assert.Equal("Signer.Authority.Required", Assert.Throws<DomainException>(() =>
            r.Submit(Admin, Signature() with { AuthorityConfirmed = false }, Terms, "POR-2026-000001", Now)).Code);
        Assert.Equal("Signer.Capacity.Required", Assert.Throws<DomainException>(() =>
            r.Submit(Admin, Signature() with { Capacity = null! }, Terms, "POR-2026-000001", Now)).Code);
        Assert.Equal(PortRequestStatus.Draft, r.Status);
        Assert.Empty(r.Mandates);

        var mandate = r.Submit(Admin, Signature() with { Capacity = SignerCapacity.Create(SignerCapacityKind.Other, " directrice administrative ") },
            Terms, "POR-2026-000001", Now);
        Assert.Equal(SignerCapacityKind.Other, mandate.SignerCapacity!.Kind);
        Assert.Equal("directrice administrative", mandate.SignerCapacity.Detail);
        Assert.Contains("signer-capacity: Other | directrice administrative", mandate.CanonicalText, StringComparison.Ordinal);
        Assert.True(r.AnswersMatchMandate(Terms));
    }

    [Theory]
    [InlineData("Manager", true)]
    [InlineData("Other", true)]
    [InlineData("1", false)]
    [InlineData("Manager, President", false)]
    [InlineData("manager", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_capacity_is_one_of_the_named_kinds(string? kind, bool valid)
    {
        Assert.Equal(valid ? null : "Signer.Capacity.Required", SignerCapacity.CheckKind(kind));
    }

    [Fact]
    public void Another_capacity_must_be_named_in_plain_short_text()
    {
        Assert.Equal("Signer.CapacityDetail.Required", SignerCapacity.CheckDetail(SignerCapacityKind.Other, " "));
        Assert.Equal("Signer.CapacityDetail.TooLong", SignerCapacity.CheckDetail(SignerCapacityKind.Other, new string('a', 101)));
        Assert.Equal("Signer.CapacityDetail.InvalidCharacters", SignerCapacity.CheckDetail(SignerCapacityKind.Other, "DAF\u202E"));
        Assert.Null(SignerCapacity.CheckDetail(SignerCapacityKind.Manager, null));
        Assert.Null(SignerCapacity.Create(SignerCapacityKind.Manager, "ignoré").Detail);
    }
}
