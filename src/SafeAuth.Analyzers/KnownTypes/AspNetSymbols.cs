using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;

namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>
/// ASP.NET Core types that mark request-handling code: controllers, pages, hubs, middleware, filters,
/// authentication and authorization handlers, minimal-API handlers and anything handed the current request.
/// </summary>
internal sealed class AspNetSymbols
{
    private readonly ImmutableArray<INamedTypeSymbol> _handlerBaseTypes;
    private readonly ImmutableArray<INamedTypeSymbol> _handlerInterfaces;

    private AspNetSymbols(WellKnownTypes types)
    {
        HttpContext = types.Get(MetadataNames.HttpContext);
        HttpRequest = types.Get(MetadataNames.HttpRequest);
        AuthorizeAttribute = types.Get(MetadataNames.AuthorizeAttribute);
        AllowAnonymousAttribute = types.Get(MetadataNames.AllowAnonymousAttribute);
        AuthenticationTicket = types.Get(MetadataNames.AuthenticationTicket);
        ClaimsIdentity = types.Get(MetadataNames.ClaimsIdentity);
        ClaimsPrincipal = types.Get(MetadataNames.ClaimsPrincipal);
        Claim = types.Get(MetadataNames.Claim);
        AuthenticationStateProvider = types.Get(MetadataNames.AuthenticationStateProvider);
        ILogger = types.Get(MetadataNames.ILogger);
        LoggerExtensions = types.Get(MetadataNames.LoggerExtensions);

        var bases = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in new[] { MetadataNames.ControllerBase, MetadataNames.PageModel, MetadataNames.Hub })
        {
            if (types.Get(name) is { } t)
            {
                bases.Add(t);
            }
        }

        _handlerBaseTypes = bases.ToImmutable();

        var interfaces = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in new[]
                 {
                     MetadataNames.IMiddleware, MetadataNames.IEndpointFilter, MetadataNames.IAuthorizationHandler,
                     MetadataNames.IAuthenticationHandler, MetadataNames.IFilterMetadata,
                 })
        {
            if (types.Get(name) is { } t)
            {
                interfaces.Add(t);
            }
        }

        _handlerInterfaces = interfaces.ToImmutable();
    }

    public INamedTypeSymbol? HttpContext { get; }
    public INamedTypeSymbol? HttpRequest { get; }
    public INamedTypeSymbol? AuthorizeAttribute { get; }
    public INamedTypeSymbol? AllowAnonymousAttribute { get; }
    public INamedTypeSymbol? AuthenticationTicket { get; }
    public INamedTypeSymbol? ClaimsIdentity { get; }
    public INamedTypeSymbol? ClaimsPrincipal { get; }
    public INamedTypeSymbol? Claim { get; }

    /// <summary>Blazor's <c>AuthenticationStateProvider</c>: a component library that builds the user from a token.</summary>
    public INamedTypeSymbol? AuthenticationStateProvider { get; }
    public INamedTypeSymbol? ILogger { get; }
    public INamedTypeSymbol? LoggerExtensions { get; }

    public static AspNetSymbols Create(WellKnownTypes types) => new(types);

    /// <summary>Whether <paramref name="operation"/> runs while a request is handled.</summary>
    public bool IsInRequestHandlingCode(IOperation operation, ISymbol containingSymbol)
    {
        if (HttpContext is null)
        {
            return false;
        }

        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda && IsRequestHandlingLambda(lambda))
            {
                return true;
            }

            if (current is ILocalFunctionOperation localFunction && HasRequestParameter(localFunction.Symbol))
            {
                return true;
            }
        }

        if (containingSymbol is IMethodSymbol method)
        {
            if (HasRequestParameter(method))
            {
                return true;
            }

            var type = method.ContainingType;
            foreach (var baseType in _handlerBaseTypes)
            {
                if (type.InheritsFromOrEquals(baseType))
                {
                    return true;
                }
            }

            foreach (var handlerInterface in _handlerInterfaces)
            {
                if (type.ImplementsOrEquals(handlerInterface))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the endpoint already requires an authenticated user (<c>[Authorize]</c> on the method or its type,
    /// and no <c>[AllowAnonymous]</c> on the method): the authentication handler has validated the request's token.
    /// </summary>
    public bool IsBehindAuthorize(ISymbol containingSymbol)
    {
        if (AuthorizeAttribute is null || containingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        if (HasAttribute(method, AllowAnonymousAttribute))
        {
            return false;
        }

        if (HasAttribute(method, AuthorizeAttribute))
        {
            return true;
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (HasAttribute(type, AllowAnonymousAttribute))
            {
                return false;
            }

            if (HasAttribute(type, AuthorizeAttribute))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsLoggingCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, LoggerExtensions) || type.ImplementsOrEquals(ILogger))
        {
            return true;
        }

        // Console, Debug and Trace output, and source-generated [LoggerMessage] methods.
        var name = type.ToDisplayString();
        if (name is "System.Console" or "System.Diagnostics.Debug" or "System.Diagnostics.Trace")
        {
            return true;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "LoggerMessageAttribute")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass.InheritsFromOrEquals(attributeType))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsRequestHandlingLambda(IAnonymousFunctionOperation lambda)
    {
        if (HasRequestParameter(lambda.Symbol))
        {
            return true;
        }

        // app.MapGet("/x", (string token) => ...), app.Use(...), group.MapPost(...): the handler of an endpoint.
        var parent = lambda.Parent;
        while (parent is IConversionOperation or IDelegateCreationOperation or IArgumentOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IInvocationOperation invocation)
        {
            var target = invocation.TargetMethod;
            var ns = target.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (ns.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal)
                && (target.Name.StartsWith("Map", System.StringComparison.Ordinal)
                    || target.Name is "Use" or "Run" or "UseWhen" or "AddEndpointFilter"))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasRequestParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsRequestType(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsRequestType(ITypeSymbol type)
    {
        if (type.InheritsFromOrEquals(HttpContext) || type.InheritsFromOrEquals(HttpRequest))
        {
            return true;
        }

        // Filter, authentication-event and endpoint-filter contexts expose the request as HttpContext.
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("HttpContext"))
            {
                if (member is IPropertySymbol property && property.Type.InheritsFromOrEquals(HttpContext))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
