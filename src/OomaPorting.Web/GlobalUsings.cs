// What nearly every slice uses; a file adds only what is particular to it.
global using FluentValidation;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
global using OomaPorting.Domain.Calendar;
global using OomaPorting.Domain.Common;
global using OomaPorting.Domain.Numbers;
global using OomaPorting.Domain.Porting;
global using OomaPorting.Web.Data;
global using OomaPorting.Web.Infrastructure;
