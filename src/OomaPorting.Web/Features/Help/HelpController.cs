using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Forms;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Features.Help;

/// <summary>"Aide et contact": how to reach the porting desk (phone, hours, e-mail, from configuration), for everyone.</summary>
[AllowAnonymous]
public sealed class HelpController(IOptions<SupportContactOptions> contact, TimeProvider time, BusinessCalendar calendar) : PortalController
{
    [HttpGet("aide")]
    public IActionResult Index() => View(SupportContact.Now(contact.Value, time, calendar));
}
