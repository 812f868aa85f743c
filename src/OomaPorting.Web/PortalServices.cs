using System.Globalization;
using System.Threading.RateLimiting;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Features.Errors;
using OomaPorting.Web.Features.Notifications;
using OomaPorting.Web.Infrastructure.Api;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Health;
using OomaPorting.Web.Infrastructure.Identity;
using OomaPorting.Web.Infrastructure.Validation;
using OomaPorting.Web.Infrastructure.Settings;
using Serilog;

namespace OomaPorting.Web;

/// <summary>The portal's composition, one concern per method, in the order <c>Program.cs</c> reads.</summary>
public static class PortalServices
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
            .ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = Infrastructure.Api.ApiProblems.FromModelState)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        // The validators' rules, emitted as data-val-* attributes for the browser (site.js); the server stays the authority.
        services.AddFluentValidationClientsideAdapters(o =>
            o.Add(typeof(IDomainCheck), (_, rule, component) => new DomainCheckClientValidator(rule, component)));
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        ValidatorOptions.Global.LanguageManager.Enabled = true;
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
        services.AddValidatedOptions<HealthOptions>(HealthOptions.Section);
        services.AddValidatedOptions<RetentionOptions>(RetentionOptions.Section);
        services.AddSingleton<Features.PortingWizard.DraftPurge>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.PortingWizard.DraftPurge>());
        services.AddValidatedOptions<AccountExportOptions>(AccountExportOptions.Section);
        services.AddSingleton<Features.AccountData.AccountExportBuilder>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.AccountData.AccountExportBuilder>());
        services.AddSingleton<Features.Retention.PersonalDataRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Retention.PersonalDataRetention>());
        services.AddSingleton<MigrationsHealthCheck>();
        services.AddSingleton<OutboxHealthCheck>();
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [HealthResponse.ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [HealthResponse.ReadyTag])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [HealthResponse.ReadyTag]);
        return services;
    }

    /// <summary>E-mail: the outbox written with each change, its dispatcher, the transport chosen by <c>Email:Transport</c>.</summary>
    public static IServiceCollection AddPortalEmail(this IServiceCollection services)
    {
        services.AddValidatedOptions<EmailOptions>(EmailOptions.Section);
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<PortRequestNotifications>();
        services.AddSingleton<Features.SupportDashboard.DeskDashboardCache>();
        services.AddSingleton<IChangeNotifications>(sp => sp.GetRequiredService<PortRequestNotifications>());
        services.AddSingleton<NotificationInterceptor>();
        services.AddSingleton<IEmailTransport>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.Transport == EmailOptions.SmtpTransport
                ? ActivatorUtilities.CreateInstance<SmtpEmailTransport>(sp)
                : ActivatorUtilities.CreateInstance<FolderEmailTransport>(sp));

        services.AddSingleton<OutboxProcessor>();
        services.AddSingleton<FocReminders>();
        services.AddSingleton<IScheduledEmails>(sp => sp.GetRequiredService<FocReminders>());
        services.AddSingleton<LateDigest>();
        services.AddSingleton<IScheduledEmails>(sp => sp.GetRequiredService<LateDigest>());
        services.AddSingleton<ActionReminders>();
        services.AddSingleton<IScheduledEmails>(sp => sp.GetRequiredService<ActionReminders>());
        services.AddHostedService<OutboxDispatcher>();
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

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services
            .AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider)
            .AddUserStore<PortalUserStore>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();

        // The short-lived cookie between the password and the code: five minutes, https only outside Development.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme).Configure(o =>
        {
            o.Cookie.Name = "ooma.2fa";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });

        services.AddDataProtection().SetApplicationName("OomaPorting").PersistKeysToDbContext<AppDbContext>();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((o, store) =>
            {
                o.Cookie.Name = "ooma.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.LoginPath = "/compte/connexion";
                o.LogoutPath = "/compte/deconnexion";
                o.AccessDeniedPath = "/compte/acces-refuse";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.SessionStore = store;

                // The session store compares the user's security stamp, disabled flag and lockout on every request
                // (one indexed read), so Identity's own stamp validator would only repeat it: it is turned off, which
                // spares every request the construction of SignInManager, UserManager and their store.
                o.Events.OnValidatePrincipal = _ => Task.CompletedTask;

                // A signed-in user without the role gets a 403 with the French "reserved" page, not a redirect.
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        return services;
    }

    /// <summary>
    /// The integrators' API (<c>/api/v1</c>, docs/api.md): API-key authentication (a scheme of its own, never the
    /// pages'), the problem-details answers, the OpenAPI document and its reference page.
    /// </summary>
    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddPortalOpenApi();
        services.AddSingleton<IdempotencyPurge>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyPurge>());
        return services;
    }

    /// <summary>
    /// Webhooks: deliveries written with each change (beside the e-mails), sent signed by their own dispatcher through
    /// an HTTP client that connects to public addresses only (<see cref="Infrastructure.Webhooks.WebhookSender"/>).
    /// </summary>
    public static IServiceCollection AddPortalWebhooks(this IServiceCollection services)
    {
        services.AddValidatedOptions<Infrastructure.Webhooks.WebhookOptions>(Infrastructure.Webhooks.WebhookOptions.Section);
        services.AddSingleton<IChangeNotifications, Features.Webhooks.WebhookNotifications>();
        services.AddHttpClient(Infrastructure.Webhooks.WebhookSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => Infrastructure.Webhooks.WebhookSender.Handler(
                sp.GetRequiredService<IOptions<Infrastructure.Webhooks.WebhookOptions>>().Value.AllowLocalTargets))
            .RemoveAllLoggers();
        services.AddSingleton<Infrastructure.Webhooks.WebhookSecrets>();
        services.AddSingleton<Infrastructure.Webhooks.WebhookSender>();
        services.AddSingleton<Infrastructure.Webhooks.WebhookProcessor>();
        services.AddHostedService<Infrastructure.Webhooks.WebhookDispatcher>();
        return services;
    }

    /// <summary>Sign-in POSTs and public checks per client address (<see cref="RateLimitOptions"/>), then 429 with a French page.</summary>
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>(RateLimitOptions.SignIn).Configure(o => o.PermitPerMinute = 10);
        services.AddOptions<RateLimitOptions>(RateLimitOptions.Eligibility).Configure(o => o.PermitPerMinute = 30);
        services.AddOptions<RateLimitOptions>(RateLimitOptions.Api).Configure(o => o.PermitPerMinute = 600);
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Api, RateLimitOptions.Api);
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SignIn, RateLimitOptions.SignIn);
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Eligibility, RateLimitOptions.Eligibility);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimitPolicy, http => PerClientAddress(http, RateLimitOptions.SignIn));
            o.AddPolicy(PublicCheckRateLimitPolicy, http => PerClientAddress(http, RateLimitOptions.Eligibility));
            o.AddPolicy(ApiPolicies.RateLimit, PerApiKey);
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                if (ApiProblems.IsApi(context.HttpContext))
                {
                    await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Api.TooManyRequests");
                    return;
                }

                await ErrorPages.WriteTooManyRequestsAsync(context.HttpContext, ct);
            };
        });
        return services;
    }

    /// <summary>
    /// API calls per key (<c>Api:PermitPerMinute</c>, 600 by default), counted before the key is even looked up: by the
    /// key's public prefix, or by the client's address for a call without a well-formed key. Per instance (docs/operations.md).
    /// </summary>
    private static RateLimitPartition<string> PerApiKey(HttpContext http)
    {
        var permit = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().Get(RateLimitOptions.Api).PermitPerMinute;
        var header = http.Request.Headers.Authorization.ToString();
        var prefix = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Domain.Accounts.ApiKey.PrefixOf(header[7..].Trim()) : null;
        return RateLimitPartition.GetFixedWindowLimiter(prefix ?? "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    private static RateLimitPartition<string> PerClientAddress(HttpContext http, string limit)
    {
        var permit = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().Get(limit).PermitPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // First: what a trusted proxy says about the client (address, https) is what every later step sees.
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/erreur");
            app.UseHsts();

            // Plain http that no trusted proxy vouches for goes to https (the health probe excepted): the portal's
            // cookies are Secure, and antiforgery refuses to issue its cookie on plain http.
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal), a => a.UseHttpsRedirection());
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseMiddleware<ApiStatusProblems>();
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseStaticFiles();
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.GetLevel = (context, _, exception) => RequestLogLevel.For(context, exception);
        });
        app.UseMiddleware<HttpMethodPolicy>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorGate>();
        app.UseAuthorization();
        app.MapPortalHealth();
        app.MapPortalApiReference();
        app.MapControllers();
        return app;
    }

    /// <summary>
    /// Mandates as evidence: the key that seals each stored mandate (through the interceptor every context uses), the
    /// certificate that signs each PDF, and the legal entity they name. Both secrets are read or made at start.
    /// </summary>
    public static IServiceCollection AddPortalMandates(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dataFolder = Database.DataFolder(configuration, environment.ContentRootPath);
        services.AddValidatedOptions<MandateOptions>(MandateOptions.Section);
        services.AddSingleton(sp => Infrastructure.Mandates.MandateSealKeys.Load(sp.GetRequiredService<IOptions<MandateOptions>>(), dataFolder));
        services.AddSingleton<Infrastructure.Mandates.MandateSealInterceptor>();
        services.AddSingleton(sp =>
        {
            var certificate = Infrastructure.Mandates.MandateSigningCertificate.Load(sp.GetRequiredService<IOptions<MandateOptions>>(), dataFolder);
            if (certificate.IsSelfSigned && !environment.IsDevelopment())
            {
                sp.GetRequiredService<ILogger<Infrastructure.Mandates.MandateSigningCertificate>>().LogWarning(
                    "Mandate PDFs are signed with the portal's self-signed certificate ({Subject}); set Mandate:SigningCertificatePath for readers to trust the signer",
                    certificate.Certificate.Subject);
            }

            return certificate;
        });
        services.AddSingleton<Infrastructure.Pdf.MandatePdf>();

        // Supporting documents: checked and cleaned on upload, their bytes in the database (docs/security.md, "Uploaded files").
        services.AddSingleton<Infrastructure.Documents.ImageCleaner>();
        services.AddSingleton<Infrastructure.Documents.DocumentInspector>();
        services.AddScoped<Infrastructure.Documents.IDocumentStore, Infrastructure.Documents.DatabaseDocumentStore>();
        return services;
    }

    /// <summary>With telemetry on, the desk's figures as gauges (<see cref="Features.SupportDashboard.DeskGauges"/>).</summary>
    public static IServiceCollection AddPortalGauges(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.ReadValidated<TelemetryOptions>(TelemetryOptions.Section).Enabled)
        {
            services.AddSingleton<Features.SupportDashboard.DeskGauges>();
            services.AddHostedService(sp => sp.GetRequiredService<Features.SupportDashboard.DeskGauges>());
        }

        return services;
    }
}
