using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SafeAuth.Tokens;

namespace SafeAuth.AspNetCore;

/// <summary>
/// Answers a request whose bearer token <see cref="StrictJwt"/> or <see cref="StrictJwtValidator"/> refused (a
/// <see cref="JwtValidationException"/> that reached the pipeline) with <c>401 Unauthorized</c> and
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c> (RFC 6750 §3.1), instead of a 500. The failure code goes to
/// <c>error_description</c>; the token and the validator's message do not leave the server.
/// </summary>
public static class StrictJwtChallenges
{
    /// <summary>
    /// Adds the challenge at the front of the request pipeline (through an <see cref="IStartupFilter"/>, so
    /// <c>Program.cs</c> needs no <c>Use…</c> call). Registering it twice adds it once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddStrictJwtChallenges(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ChallengeStartupFilter>());
        return services;
    }

    /// <summary>Adds the challenge at this point of the pipeline; requests that fail before it are not covered.</summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The application builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="app"/> is null.</exception>
    public static IApplicationBuilder UseStrictJwtChallenges(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(next => context => InvokeAsync(context, next));
    }

    /// <summary>Runs <paramref name="next"/> and turns a token refusal into the 401 challenge.</summary>
    internal static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (JwtValidationException exception) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{exception.Failure}\"";
        }
    }

    private sealed class ChallengeStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseStrictJwtChallenges();
            next(app);
        };
    }
}
