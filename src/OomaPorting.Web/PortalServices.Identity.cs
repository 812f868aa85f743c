using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web;

/// <summary>Identity, the session cookie and the data-protection keys.</summary>
public static partial class PortalServices
{
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

        // Every sign-in gets a new session key (FreshSessionCookieHandler): the session cookie's handler is swapped.
        FreshSessionCookieHandler.EnsureSupported();
        services.Configure<AuthenticationOptions>(o => o.SchemeMap[IdentityConstants.ApplicationScheme].HandlerType = typeof(FreshSessionCookieHandler));

        services.AddDataProtection().SetApplicationName("OomaPorting").PersistKeysToDbContext<AppDbContext>();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<DecoyPassword>();
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

                // The handler would redirect a sign-in posted to the sign-in page to the raw ReturnUrl of its query (a
                // non-ASCII one made Kestrel answer 500): the sign-in action alone redirects, to a sanitised address.
                o.Events.OnRedirectToReturnUrl = _ => Task.CompletedTask;

                // A signed-in user without the role gets a 403 with the French "reserved" page, not a redirect.
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        return services;
    }
}
