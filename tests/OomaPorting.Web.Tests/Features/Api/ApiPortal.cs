using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Api;

/// <summary>One portal (its own database with the demo data) shared by the API's test classes: they make their own keys and requests.</summary>
[CollectionDefinition(Name)]
public sealed class ApiPortal : ICollectionFixture<SharedPortal>
{
    public const string Name = "API";
}
