using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Eligibility;

public sealed record CheckViewModel(CheckPortability.Query Query, CheckPortability.Result? Result);
