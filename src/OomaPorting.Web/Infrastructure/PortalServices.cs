using System.Globalization;
using System.Threading.RateLimiting;
using FluentValidation;
using FluentValidation.AspNetCore;
using Mediator;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OomaPorting.Domain.Calendar;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.Errors;
using Serilog;

namespace OomaPorting.Web.Infrastructure;

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
            })
            .AddRazorOptions(o =>
            {
                o.ViewLocationFormats.Insert(0, "/Features/{1}/{0}.cshtml");
                o.ViewLocationFormats.Insert(1, "/Features/Shared/{0}.cshtml");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.AddFluentValidationClientsideAdapters();
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        ValidatorOptions.Global.LanguageManager.Enabled = true;
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(French);
            o.SupportedCultures = [French, English];
            o.SupportedUICultures = [French, English];
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ooma.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Every page needs a signed-in user unless it says [AllowAnonymous]: a new page is private by default.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // French pages: emit é, à, « » as characters, not as numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        // A form bigger than any real one (100 numbers with their RIOs) is refused as a bad request before binding.
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.ValueCountLimit = 400;
            o.ValueLengthLimit = 400_000;
            o.MultipartBodyLengthLimit = 1_000_000;
        });
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(BusinessCalendar.France);
        services.AddScoped<ICurrentTenant, HttpCurrentTenant>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }

    /// <summary>E-mail: the outbox written with each change, its dispatcher, the transport chosen by <c>Email:Transport</c>.</summary>
    public static IServiceCollection AddPortalEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Email.EmailOptions>(configuration.GetSection("Email"));
        services.AddSingleton<Email.EmailComposer>();
        services.AddSingleton<Email.NotificationInterceptor>();
        if (string.Equals(configuration["Email:Transport"], "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<Email.IEmailTransport, Email.SmtpEmailTransport>();
        }
        else
        {
            services.AddSingleton<Email.IEmailTransport, Email.FolderEmailTransport>();
        }

        services.AddSingleton<Email.OutboxProcessor>();
        services.AddSingleton<Email.FocReminders>();
        services.AddHostedService<Email.OutboxDispatcher>();
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
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();

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

    /// <summary>Sign-in POSTs per client address: <c>SignIn:PermitPerMinute</c> (default 10), then 429 with a French page.</summary>
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permit = configuration.GetValue("SignIn:PermitPerMinute", 10);
        var checks = configuration.GetValue("Eligibility:PermitPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(PublicCheckRateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = checks, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await ErrorPages.WriteTooManyRequestsAsync(context.HttpContext, ct);
            };
        });
        return services;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/erreur");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseStaticFiles();
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapControllers();
        return app;
    }
}
