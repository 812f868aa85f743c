using System.Globalization;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Api;
using OomaPorting.Web.Infrastructure.Settings;
using OomaPorting.Web.Infrastructure.Validation;

namespace OomaPorting.Web;

/// <summary>The portal's composition, one concern per method, in the order <c>Program.cs</c> reads.</summary>
public static partial class PortalServices
{
    public const string SignInRateLimitPolicy = "sign-in";
    public const string PublicCheckRateLimitPolicy = "public-check";
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IServiceCollection AddPortalMvc(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services
            .AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<NotFoundFilter>();

                // Validators are the authority on required fields, in the page's language: no implicit English
                // "The X field is required." beside their message.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddRazorOptions(o =>
            {
                o.ViewLocationFormats.Insert(0, "/Features/{1}/{0}.cshtml");
                o.ViewLocationFormats.Insert(1, "/Features/Shared/{0}.cshtml");
            })
            .AddJsonOptions(o => Infrastructure.Api.ApiJson.Configure(o.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(o =>
            {
                o.InvalidModelStateResponseFactory = Infrastructure.Api.ApiProblems.FromModelState;

                // A bare refusal of the framework (415 for a body of the wrong type, …) leaves the body empty, so that
                // ApiStatusProblems writes the API's own problem (its code, the caller's language) instead of MVC's English one.
                o.SuppressMapClientErrors = true;
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        // The validators' rules, emitted as data-val-* attributes for the browser (site.js); the server stays the authority.
        services.AddFluentValidationClientsideAdapters(o =>
            o.Add(typeof(IDomainCheck), (_, rule, component) => new DomainCheckClientValidator(rule, component)));
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        ValidatorOptions.Global.LanguageManager.Enabled = true;

        // One message per field: a field's rules stop at the first it breaks (an empty address is not also "invalid").
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(French);
            o.SupportedCultures = [French, English];
            o.SupportedUICultures = [French, English];
            o.RequestCultureProviders = [Infrastructure.Api.ApiJson.AcceptLanguageOnApi, new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ooma.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // One-time confirmations (PortalController.Confirm) travel in an encrypted cookie to the page after the redirect.
        services.AddOptions<CookieTempDataProviderOptions>().Configure<IHostEnvironment>((o, environment) =>
        {
            o.Cookie.Name = "ooma.confirmation";
            o.Cookie.IsEssential = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddOptions<AntiforgeryOptions>().Configure<IHostEnvironment>((o, environment) =>
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        // Every page needs a signed-in user unless it says [AllowAnonymous]: a new page is private by default.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddApiPolicies();
        // French pages: emit é, à, « » as characters, not as numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddHttpsRedirection(o => o.HttpsPort = 443);

        // A form bigger than any real one is refused as a bad request before binding: 400 fields (the numbers step's
        // rows and the rest), 400,000 characters in one field (a pasted list of 1,000 numbers with their RIOs is under
        // 40,000), and a file a little over the numbers step's 1 MB (up to there the step says so at its field).
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.ValueCountLimit = 400;
            o.ValueLengthLimit = 400_000;
            o.MultipartBodyLengthLimit = 1_100_000;
        });
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        services.AddValidatedOptions<PortingOptions>(PortingOptions.Section);
        services.AddValidatedOptions<SlaOptions>(SlaOptions.Section);
        services.AddValidatedOptions<ProxyOptions>(ProxyOptions.Section);
        services.AddValidatedOptions<SupportContactOptions>(SupportContactOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = proxy.Value.ForwardLimit;
            foreach (var address in proxy.Value.KnownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(BusinessCalendar.France);
        services.AddScoped<HttpCurrentActor>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<HttpCurrentActor>());
        services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<HttpCurrentActor>());
        return services;
    }

    public static IServiceCollection AddPortalMediator(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions o) =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        return services;
    }
}
