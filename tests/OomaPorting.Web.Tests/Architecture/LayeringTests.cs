using NetArchTest.Rules;

namespace OomaPorting.Web.Tests.Architecture;

/// <summary>
/// The arrows of docs/architecture.md ("Layers"), read from the compiled code (signatures and method bodies alike):
/// the domain knows nothing of the web project; infrastructure and data never use a feature. The composition root
/// (<c>Program</c>, <c>PortalServices</c>, namespace <c>OomaPorting.Web</c>) alone sees everything.
/// </summary>
public class LayeringTests
{
    private static readonly System.Reflection.Assembly Web = typeof(PortalServices).Assembly;
    private static readonly System.Reflection.Assembly Domain = typeof(Domain.Porting.PortRequest).Assembly;

    [Fact]
    public void The_domain_references_nothing_of_the_web_project_nor_of_a_framework()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("OomaPorting.Web", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Mediator", "FluentValidation")
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Theory]
    [InlineData("OomaPorting.Web.Infrastructure")]
    [InlineData("OomaPorting.Web.Data")]
    public void Infrastructure_and_data_use_no_feature(string layer)
    {
        var result = Types.InAssembly(Web).That().ResideInNamespace(layer)
            .ShouldNot().HaveDependencyOnAny("OomaPorting.Web.Features")
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Data_does_not_use_infrastructure_services_other_than_its_outbox_rows()
    {
        // Data may map the outbox's rows (they are data); it must not call e-mail, PDF or HTTP code.
        var result = Types.InAssembly(Web).That().ResideInNamespace("OomaPorting.Web.Data")
            .And().DoNotResideInNamespace("OomaPorting.Web.Data.Migrations")
            .ShouldNot().HaveDependencyOnAny("OomaPorting.Web.Infrastructure.Pdf", "OomaPorting.Web.Infrastructure.Ics",
                "OomaPorting.Web.Infrastructure.Forms", "Microsoft.AspNetCore.Mvc", "Mediator")
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Slices_do_not_read_the_http_context()
    {
        // A slice is sent from a page, a test or a job alike: who acts comes from ICurrentActor.
        var result = Types.InAssembly(Web).That().ResideInNamespace("OomaPorting.Web.Features")
            .And().DoNotHaveNameEndingWith("Controller")
            .And().DoNotResideInNamespace("OomaPorting.Web.Features.Errors")
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore.Http.IHttpContextAccessor")
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Every_controller_posts_its_forms_the_one_way()
    {
        // PortalController.Submit is the one place where a refused command becomes field messages (docs/architecture.md).
        var result = Types.InAssembly(Web).That().HaveNameEndingWith("Controller").And().AreNotAbstract()
            .And().DoNotResideInNamespace("OomaPorting.Web.Features.Api")
            .Should().Inherit<Web.Infrastructure.Forms.PortalController>()
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Every_api_controller_answers_refusals_the_one_way()
    {
        // PortalApiController.Send is the API's one place where a refused command becomes problem details, and its
        // attributes are what keep the API on API keys only (docs/api.md).
        var result = Types.InAssembly(Web).That().HaveNameEndingWith("Controller").And().AreNotAbstract()
            .And().ResideInNamespace("OomaPorting.Web.Features.Api")
            .Should().Inherit<Web.Infrastructure.Api.PortalApiController>()
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
        var outside = Types.InAssembly(Web).That().Inherit<Web.Infrastructure.Api.PortalApiController>()
            .Should().ResideInNamespace("OomaPorting.Web.Features.Api").GetResult();
        Assert.True(outside.IsSuccessful, Failing(outside));
    }

    private static string Failing(TestResult result) =>
        "Breaking the rule: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []);
}
