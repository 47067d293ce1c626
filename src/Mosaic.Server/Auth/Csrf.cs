using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Auth;

/// <summary>Marks an endpoint that changes state without a session (signup, login): no CSRF check.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class CsrfExemptAttribute : Attribute;

/// <summary>
/// ASP.NET Core antiforgery in the SPA pattern: the server sets a readable <c>XSRF-TOKEN</c> cookie;
/// the UI echoes it in the <c>X-XSRF-TOKEN</c> header on every state-changing request. A page on
/// another site can make the browser send our cookies but cannot read this one.
/// </summary>
public sealed class Csrf(IAntiforgery antiforgery, IOptions<MosaicSettings> options)
{
    public const string CookieName = "XSRF-TOKEN";
    public const string HeaderName = "X-XSRF-TOKEN";

    public void IssueTokens(HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Cookies.Append(
            CookieName,
            tokens.RequestToken!,
            new CookieOptions
            {
                HttpOnly = false, // the UI must read it
                Secure = !options.Value.IsDevelopment,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            }
        );
    }

    /// <summary>Runs after authentication: checks unsafe requests of signed-in users, and hands out tokens on safe ones.</summary>
    public async Task HandleAsync(HttpContext http, Func<Task> next)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            if (!IsSafe(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<CsrfExemptAttribute>() is null)
            {
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    http.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await http
                        .RequestServices.GetRequiredService<IProblemDetailsService>()
                        .WriteAsync(
                            new ProblemDetailsContext
                            {
                                HttpContext = http,
                                ProblemDetails = new ProblemDetails
                                {
                                    Status = 403,
                                    Title = "CSRF token missing or invalid",
                                    Detail = $"Send the value of the {CookieName} cookie in the {HeaderName} header.",
                                },
                            }
                        );
                    return;
                }
            }
            else if (
                IsSafe(http.Request.Method)
                && !http.Request.Cookies.ContainsKey(CookieName)
                && http.Request.Path.StartsWithSegments("/api")
            )
            {
                IssueTokens(http);
            }
        }
        await next();
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
