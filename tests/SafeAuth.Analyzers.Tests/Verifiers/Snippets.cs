namespace SafeAuth.Analyzers.Tests.Verifiers;

/// <summary>Using directives most token snippets start with.</summary>
internal static class Snippets
{
    public const string TokenUsings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using System.IdentityModel.Tokens.Jwt;
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.IdentityModel.JsonWebTokens;
        using Microsoft.IdentityModel.Tokens;

        """;
}
