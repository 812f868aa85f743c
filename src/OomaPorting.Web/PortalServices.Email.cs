using Microsoft.Extensions.Options;
using OomaPorting.Web.Features.Notifications;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web;

/// <summary>E-mail composition (<c>Program.cs</c> reads the methods in order).</summary>
public static partial class PortalServices
{
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
        services.AddScoped<IOutboxPreparer, Features.Account.ForgotPassword.Preparer>();
        services.AddSingleton<FocReminders>();
        services.AddSingleton<IScheduledEmails>(sp => sp.GetRequiredService<FocReminders>());
        services.AddSingleton<LateDigest>();
        services.AddSingleton<IScheduledEmails>(sp => sp.GetRequiredService<LateDigest>());
        services.AddSingleton<ActionReminders>();
        services.AddSingleton<IScheduledEmails>(sp => sp.GetRequiredService<ActionReminders>());
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
