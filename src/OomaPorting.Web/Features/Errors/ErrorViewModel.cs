using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace OomaPorting.Web.Features.Errors;

public sealed record ErrorViewModel(int StatusCode, string Reference);
