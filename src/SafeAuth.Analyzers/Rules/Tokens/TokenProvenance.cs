using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// Where the token text a server reads came from. Trusted: a value read back from <c>ProtectedLocalStorage</c>/
/// <c>ProtectedSessionStorage</c> (data-protected, a client cannot forge it), the tokens the authentication handler
/// stored after validating (<c>HttpContext.GetTokenAsync</c>, <c>AuthenticationProperties.GetTokenValue</c>), what the
/// app's own pipeline put into <c>HttpContext.Items</c>, and a token endpoint's response (Duende <c>TokenResponse</c>,
/// MSAL <c>AuthenticationResult</c>), and the headers Azure App Service authentication injects after it signed the user
/// in (<c>X-MS-TOKEN-*</c>, <c>X-MS-CLIENT-PRINCIPAL*</c>; the platform drops them from client requests). The project's
/// own helpers are followed one level: a call is trusted when every value its body returns is. Everything else (other
/// headers, cookies, query, body, parameters) stays untrusted.
/// </summary>
internal sealed class TokenProvenance
{
    private const int MaxDepth = 8;

    private readonly INamedTypeSymbol? _protectedStorage;
    private readonly INamedTypeSymbol? _authenticationExtensions;
    private readonly INamedTypeSymbol? _tokenExtensions;
    private readonly INamedTypeSymbol? _tokenResponse;
    private readonly INamedTypeSymbol? _msalResult;
    private readonly INamedTypeSymbol? _httpContext;

    public TokenProvenance(WellKnownTypes types)
    {
        _protectedStorage = types.Get(MetadataNames.ProtectedBrowserStorage);
        _authenticationExtensions = types.Get(MetadataNames.AuthenticationHttpContextExtensions);
        _tokenExtensions = types.Get(MetadataNames.AuthenticationTokenExtensions);
        _tokenResponse = types.GetIdentityModelClient(MetadataNames.DuendeTokenResponse);
        _msalResult = types.Get(MetadataNames.MsalAuthenticationResult);
        _httpContext = types.Get(MetadataNames.HttpContext);
    }

    /// <summary>Whether <paramref name="token"/> (the text a read is handed) comes from a trusted source.</summary>
    public bool IsTrusted(IOperation? token, IOperation root) => token is not null && IsTrusted(token, root, 0);

    private bool IsTrusted(IOperation value, IOperation root, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        value = value.WalkDownConversion();
        switch (value)
        {
            case IAwaitOperation awaited:
                return IsTrusted(awaited.Operation, root, depth + 1);
            case IConditionalAccessOperation conditional:
                return IsTrusted(conditional.WhenNotNull, root, depth + 1);
            case IConditionalAccessInstanceOperation:
                return FindConditionalReceiver(value) is { } receiver && IsTrusted(receiver, root, depth + 1);
            case ICoalesceOperation coalesce:
                // `stored ?? string.Empty`: the fallback is a constant, the token is the stored value.
                return IsTrusted(coalesce.Value, root, depth + 1)
                       && (coalesce.WhenNull.WalkDownConversion().ConstantValue.HasValue || IsTrusted(coalesce.WhenNull, root, depth + 1));
            case IConditionalOperation { WhenFalse: { } whenFalse } choice:
                return IsTrustedOrConstant(choice.WhenTrue, root, depth) && IsTrustedOrConstant(whenFalse, root, depth)
                       && !(choice.WhenTrue.WalkDownConversion().ConstantValue.HasValue && whenFalse.WalkDownConversion().ConstantValue.HasValue);
            case IInvocationOperation invocation:
                return IsTrustedCall(invocation, root, depth);
            case IPropertyReferenceOperation property:
                return IsTrustedProperty(property, root, depth);
            case ILocalReferenceOperation local:
                return AllAssignmentsTrusted(local.Local, root, depth);
            default:
                // Fields, parameters and everything else: not known to come from a trusted source.
                return false;
        }
    }

    private bool IsTrustedOrConstant(IOperation value, IOperation root, int depth) =>
        value.WalkDownConversion().ConstantValue.HasValue || IsTrusted(value, root, depth + 1);

    private bool IsTrustedCall(IInvocationOperation invocation, IOperation root, int depth)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType?.OriginalDefinition;
        if (method.Name == "GetTokenAsync" && SymbolEqualityComparer.Default.Equals(type, _authenticationExtensions))
        {
            return true;
        }

        if (method.Name == "GetTokenValue" && SymbolEqualityComparer.Default.Equals(type, _tokenExtensions))
        {
            return true;
        }

        if (method.Name == "GetAsync" && type is not null && type.InheritsFromOrEquals(_protectedStorage))
        {
            return true;
        }

        // `.ToString()` / `as string` of a trusted value.
        if (method.Name == "ToString" && invocation.Instance is { } instance)
        {
            return IsTrusted(instance, root, depth + 1);
        }

        return ReturnsOnlyTrusted(invocation, depth);
    }

    /// <summary>One level into the project's own helper: every value it returns is trusted.</summary>
    private bool ReturnsOnlyTrusted(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        if (depth > 2 || method.IsVirtual || method.IsAbstract || method.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        var compilation = invocation.SemanticModel?.Compilation;
        if (compilation is null || !compilation.ContainsSyntaxTree(syntax.SyntaxTree))
        {
            return false;
        }

#pragma warning disable RS1030 // one helper body, only while deciding a finding: not per node
        var body = compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax);
#pragma warning restore RS1030
        if (body is null)
        {
            return false;
        }

        var any = false;
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned })
            {
                if (!IsTrusted(returned, body, depth + 2))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    /// <summary>A header Azure App Service authentication sets for a signed-in user (and removes from client requests).</summary>
    private static bool IsPlatformAuthenticationHeader(IOperation? key) =>
        key?.WalkDownConversion().ConstantValue is { HasValue: true, Value: string name }
        && (name.StartsWith("X-MS-TOKEN-", System.StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("X-MS-CLIENT-PRINCIPAL", System.StringComparison.OrdinalIgnoreCase));

    private bool IsTrustedProperty(IPropertyReferenceOperation property, IOperation root, int depth)
    {
        var containing = property.Property.ContainingType?.OriginalDefinition;

        // ProtectedBrowserStorageResult<T>.Value of a GetAsync result; Task.Result.
        if (property.Property.Name is "Value" or "Result" && property.Instance is { } instance)
        {
            return IsTrusted(instance, root, depth + 1);
        }

        // Request.Headers["X-MS-TOKEN-AAD-ID-TOKEN"]: set by App Service authentication, not by the client.
        if (property.Property.IsIndexer && property.Arguments.Length == 1 && IsPlatformAuthenticationHeader(property.Arguments[0].Value))
        {
            return true;
        }

        // HttpContext.Items["token"]: server-side state only the app's own pipeline writes.
        if (property.Property.IsIndexer && property.Instance is IPropertyReferenceOperation { Property.Name: "Items" } items
            && items.Property.ContainingType.InheritsFromOrEquals(_httpContext))
        {
            return true;
        }

        return property.Property.Name is "AccessToken" or "IdentityToken" or "IdToken" or "RefreshToken"
               && containing is not null
               && (containing.InheritsFromOrEquals(_tokenResponse) || containing.InheritsFromOrEquals(_msalResult));
    }

    /// <summary>Every value the local is given (declaration and assignments) is trusted.</summary>
    private bool AllAssignmentsTrusted(ILocalSymbol local, IOperation root, int depth)
    {
        var any = false;
        foreach (var operation in root.DescendantsAndSelf())
        {
            // headers.TryGetValue("X-MS-TOKEN-AAD-ID-TOKEN", out var token): the platform's header; any other out value is not known.
            if (operation is IArgumentOperation { Parameter.RefKind: RefKind.Out, Parent: IInvocationOperation call } outArgument
                && OutLocal(outArgument.Value) is { } outLocal && SymbolEqualityComparer.Default.Equals(outLocal, local))
            {
                if (call.TargetMethod.Name != "TryGetValue" || call.Arguments.Length != 2 || !IsPlatformAuthenticationHeader(call.Arguments[0].Value))
                {
                    return false;
                }

                any = true;
                continue;
            }

            IOperation? assigned = operation switch
            {
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) =>
                    declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                _ => null,
            };

            // A value given only in development-only code (`#if DEBUG`, a development-environment branch) is not production data.
            if (assigned is null || CodeRegions.Classify(operation.Syntax) == CodeRegion.DevelopmentOnly)
            {
                continue;
            }

            if (!IsTrusted(assigned, root, depth + 1))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static ILocalSymbol? OutLocal(IOperation value) => value switch
    {
        ILocalReferenceOperation local => local.Local,
        IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared.Local,
        _ => null,
    };

    private static IOperation? FindConditionalReceiver(IOperation instance)
    {
        for (var current = instance.Parent; current is not null; current = current.Parent)
        {
            if (current is IConditionalAccessOperation access)
            {
                return access.Operation;
            }
        }

        return null;
    }
}
