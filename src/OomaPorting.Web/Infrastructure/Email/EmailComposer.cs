using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace OomaPorting.Web.Infrastructure.Email;

