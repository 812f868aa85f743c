using System.Security.Claims;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure;
using OomaPorting.Web.Infrastructure.Api;
using OomaPorting.Web.Infrastructure.Health;
using OomaPorting.Web.Infrastructure.Identity;
using Serilog;

namespace OomaPorting.Web;

/// <summary>The request pipeline, in the order a request meets it.</summary>
public static partial class PortalServices
{
    public static WebApplication UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // First: what a trusted proxy says about the client (address, https) is what every later step sees.
        app.UseForwardedHeaders();

        // Each request's line is written with what the client got (after the error pages): a 413 or an abandoned
        // request is not logged as the 500 an exception on its way out would read as.
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.GetLevel = (context, _, exception) => RequestLogLevel.For(context, exception);
            o.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                // Who asked (a user's id, or "api-key:" and the key's id): the line an operator looks for first.
                if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user)
                {
                    diagnostics.Set("UserId", user);
                }
            };
        });
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
        app.Use(ApiReference.DeclareLanguage);
        app.UseMiddleware<HttpMethodPolicy>();
        app.UseRouting();
        app.UseMiddleware<BodyLengthLimit>();
        app.UseAuthentication();
        app.Use(DatabaseTicketStore.RefuseWhenUnavailable);
        app.Use(ApiKeyAuthentication.AuthenticateFirst);
        app.UseRateLimiter();
        app.UseMiddleware<TwoFactorGate>();
        app.UseAuthorization();
        app.MapPortalHealth();
        app.MapPortalApiReference();
        app.MapControllers();
        return app;
    }
}
