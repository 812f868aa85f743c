using Microsoft.AspNetCore.Mvc;

namespace OomaPorting.Web.Infrastructure.Forms;

/// <summary>
/// The base of every controller of the portal, and the one way a form is posted: an action binds, calls
/// <see cref="Submit{TResponse}(ICommand{TResponse}, Func{TResponse, IActionResult}, Func{Task{IActionResult}}, FormFields?)"/>
/// and says where to go next. Every refusal is handled here, the same way on every form:
/// <list type="bullet">
/// <item>binding errors or a <see cref="ValidationException"/>: field messages, the form re-rendered with what was typed (200);</item>
/// <item>a <see cref="DomainException"/>: its stable code translated (<c>Error.{Code}</c>) on the form, re-rendered (200);</item>
/// <item>a concurrent change (<see cref="ConcurrentChangeException"/>, or a save refused by the database): the form
/// re-rendered with the fresh state, <c>Form.ModifiedMeanwhile</c>, and 409; nothing is overwritten.</item>
/// </list>
/// </summary>
public abstract class PortalController : Controller
{
    /// <summary>Sends a command; on success returns <paramref name="onSuccess"/>, on a refusal the form again (see the class).</summary>
    /// <param name="redisplay">Renders the form again; it runs after the messages were added and loads the request afresh.</param>
    protected Task<IActionResult> Submit<TResponse>(ICommand<TResponse> command, Func<TResponse, IActionResult> onSuccess,
        Func<Task<IActionResult>> redisplay, FormFields? fields = null) =>
        Run(ct => Mediator.Send(command, ct), onSuccess, redisplay, fields ?? FormFields.Unprefixed);

    /// <summary>A query whose input is validated (a GET form): the same handling of refused input as a command.</summary>
    protected Task<IActionResult> Submit<TResponse>(IQuery<TResponse> query, Func<TResponse, IActionResult> onSuccess,
        Func<Task<IActionResult>> redisplay, FormFields? fields = null) =>
        Run(ct => Mediator.Send(query, ct), onSuccess, redisplay, fields ?? FormFields.Unprefixed);

    /// <summary>Goes back to a local address the user came from (see <see cref="LocalUrl"/>), or home.</summary>
    protected IActionResult RedirectToLocal(string? url) => LocalRedirect(LocalUrl.SafeOrHome(url, Url.IsLocalUrl));

    /// <summary>
    /// A one-time confirmation shown on the next page (after the redirect), in a status region that screen readers
    /// announce: "Date de portage enregistrée", ... The key is a resource of <see cref="SharedResource"/>.
    /// </summary>
    protected void Confirm(string key, params object[] arguments)
    {
        var text = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        TempData[ConfirmationKey] = text[key, arguments].Value;
    }

    /// <summary>The TempData entry the layout reads (once) to show the confirmation.</summary>
    public const string ConfirmationKey = "Confirmation";

    /// <summary>True while the form is re-rendered after a concurrent change: show the fresh state, not what was posted.</summary>
    protected bool ConcurrentChange { get; private set; }

    private IMediator Mediator => HttpContext.RequestServices.GetRequiredService<IMediator>();

    private async Task<IActionResult> Run<TResponse>(Func<CancellationToken, ValueTask<TResponse>> send, Func<TResponse, IActionResult> onSuccess,
        Func<Task<IActionResult>> redisplay, FormFields fields)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        ArgumentNullException.ThrowIfNull(redisplay);
        if (ModelState.IsValid)
        {
            var text = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            try
            {
                return onSuccess(await send(HttpContext.RequestAborted));
            }
            catch (ValidationException e)
            {
                ErrorOrder.Remember(ViewData, ModelState.AddValidationErrors(e, fields.Prefix));
            }
            catch (DomainException e)
            {
                ModelState.AddDomainError(e, text, fields.DomainErrorField);
            }
            catch (Exception e) when (e is ConcurrentChangeException || (e is DbUpdateException && !DatabaseFault.IsUnavailable(e)))
            {
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, text["Form.ModifiedMeanwhile"]);
                ConcurrentChange = true;
            }
        }

        var result = await redisplay();
        if (ConcurrentChange)
        {
            if (result is ViewResult view)
            {
                view.StatusCode = StatusCodes.Status409Conflict;
            }
            else
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
        }

        return result;
    }
}

