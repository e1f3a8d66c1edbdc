using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SourceKind = SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer.SourceKind;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// The project's own decode helpers, one level deep: a method that reads the token text its parameter is given without
/// validating it, and returns what it read (the token, its claims, a claim value), is itself a source of unverified
/// token data at each call. The call is then judged like a library read (<see cref="ClaimTrust"/>) where the caller
/// uses the result, and the finding names the helper. A helper that validates, that returns only header or time
/// values, or whose own body already trusts the read (reported there) is not a source.
/// </summary>
internal sealed class HelperTokenSources
{
    private static readonly string[] IdentityModelReads = { "ReadJwtToken", "ReadJsonWebToken", "ReadToken" };
    private static readonly string[] JwtNetReads = { "Decode", "DecodeToObject" };
    private static readonly string[] JoseReads = { "Payload", "PayloadBytes", "Decode", "DecodeBytes" };

    private static readonly Summary None = new(-1, SourceKind.Payload);

    private readonly UnverifiedTokenSources _sources;
    private readonly TokenSymbols _tokens;
    private readonly ClaimTrust _trust;
    private readonly ImmutableHashSet<string> _readNames;
    private readonly ProjectMethods.SummaryTable<Summary> _summaries;

    public HelperTokenSources(UnverifiedTokenSources sources, TokenSymbols tokens, ProjectMethods methods, ClaimTrust trust)
    {
        _sources = sources;
        _tokens = tokens;
        _trust = trust;
        var names = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
        if (tokens.HasIdentityModel)
        {
            names.UnionWith(IdentityModelReads);
        }

        if (tokens.JwtNetBuilder is not null || tokens.JwtNetIDecoder is not null)
        {
            names.UnionWith(JwtNetReads);
        }

        if (tokens.JoseJwt is not null)
        {
            names.UnionWith(JoseReads);
        }

        _readNames = names.ToImmutable();
        // What a file holding such a helper contains: "ReadJ" for ReadJwtToken and ReadJsonWebToken, the token
        // constructors as written, the other libraries' read names as they are; "Split(" for a hand-rolled decode,
        // which needs no library.
        var words = _readNames.Except(IdentityModelReads)
            .Union(tokens.HasIdentityModel ? new[] { "ReadJ", "ReadToken", "JwtSecurityToken(", "JsonWebToken(" } : System.Array.Empty<string>())
            .Union(new[] { "Split(" })
            .ToImmutableArray();
        _summaries = methods.Summaries(words, MayRead, Summarize, None);
    }

    /// <summary>Whether <paramref name="invocation"/> calls a project helper that returns unverified token data read from one of its arguments.</summary>
    public bool TryGetSource(IInvocationOperation invocation, out SourceKind kind, out string member)
    {
        kind = SourceKind.Payload;
        member = string.Empty;
        var method = invocation.TargetMethod;
        if (method.ReturnsVoid || !HasTokenParameter(method))
        {
            return false;
        }

        var summary = _summaries.Get(method);
        if (summary.Parameter < 0)
        {
            return false;
        }

        kind = summary.Kind;
        member = (method.ContainingType is { } type ? type.Name + "." : string.Empty) + method.Name;
        return true;
    }

    /// <summary>
    /// Before a helper is bound: its syntax names a library read (<c>ReadJwtToken</c>, Jwt.Net's or jose-jwt's decode)
    /// or creates <c>new JwtSecurityToken(text)</c> / <c>new JsonWebToken(text)</c>.
    /// </summary>
    private bool MayRead(SyntaxNode syntax)
    {
        bool splits = false, parses = false, decodes = false;
        foreach (var token in syntax.DescendantTokens())
        {
            if (!token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken))
            {
                continue;
            }

            if (_readNames.Contains(token.ValueText)
                || (token.ValueText is "JwtSecurityToken" or "JsonWebToken"
                    && token.Parent?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 }))
            {
                return true;
            }

            splits |= token.ValueText == "Split";
            parses |= token.ValueText is "Deserialize" or "DeserializeAsync" or "DeserializeObject" or "Parse";
            decodes |= HandRolledDecoding.NamesDecode(token.ValueText);
        }

        // A hand-rolled decode: the token split into its segments, a segment base64-decoded, the payload parsed as JSON.
        return splits && parses && decodes;
    }

    private Summary Summarize(IOperation body)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (ReadOf(operation, out var readKind) is not { } parameter)
            {
                continue;
            }

            // Validated in the helper (kid or iss read first to pick the key), or trusted right there (reported there).
            if (ClaimTrust.ContainsValidation(body, operation) || _trust.GetTrustReason(operation, readKind, parameter.ContainingSymbol) is not null)
            {
                continue;
            }

            // The read returned (or its local), else claims made of it: ParseClaimsFromJwt returns new Claim(k, v) for each entry.
            if (!IsReturned(body, operation, out var kind))
            {
                if (!_trust.ReachesReturn(operation, readKind, parameter.ContainingSymbol))
                {
                    continue;
                }

                kind = SourceKind.Payload;
            }

            return new Summary(parameter.Ordinal, kind);
        }

        return None;
    }

    /// <summary>
    /// The helper's parameter a library read in its body reads the token text of: the text itself (through locals and
    /// string clean-up such as <c>Replace("Bearer ", "")</c>), or a request it is given (<c>this HttpRequest request</c>,
    /// read through <c>request.Headers.Authorization</c>).
    /// </summary>
    private IParameterSymbol? ReadOf(IOperation operation, out SourceKind kind)
    {
        kind = SourceKind.TokenObject;
        var readKind = SourceKind.TokenObject;
        IOperation? text = operation switch
        {
            IInvocationOperation invocation when _sources.TryGetInvocationSource(invocation, out readKind, out _) =>
                HandRolledDecoding.IsJsonParse(invocation.TargetMethod)
                && HandRolledDecoding.TryFindPayloadSegment(invocation.Arguments[0].Value, out _, out var split) ? split.Instance : FirstString(invocation.Arguments),
            IObjectCreationOperation { Constructor: { Parameters.Length: 1 } constructor } creation
                when SymbolEqualityComparer.Default.Equals(constructor.ContainingType, _tokens.JwtSecurityToken)
                     || SymbolEqualityComparer.Default.Equals(constructor.ContainingType, _tokens.JsonWebToken) => FirstString(creation.Arguments),
            _ => null,
        };

        kind = readKind;
        for (var depth = 0; text is not null && depth < ValueFlow.MaxDepth; depth++)
        {
            text = ValueFlow.Resolve(text);
            switch (text)
            {
                case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: not (MethodKind.AnonymousFunction or MethodKind.LocalFunction) } } reference:
                    return reference.Parameter;
                case IInvocationOperation { Instance: { } instance } call
                    when call.TargetMethod.ContainingType.SpecialType == SpecialType.System_String || call.TargetMethod.Name == "ToString":
                    text = instance;
                    break;
                // The token taken from a request the helper is given: request.Headers.Authorization, Headers["Authorization"].
                case IPropertyReferenceOperation { Instance: { } instance } property
                    when property.Property.IsIndexer || property.Property.Name is "Headers" or "Authorization" or "Request" or "Query" or "Cookies":
                    text = instance;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Whether the helper returns what <paramref name="read"/> produced, directly or through the local it is stored in; its kind.</summary>
    private bool IsReturned(IOperation body, IOperation read, out SourceKind kind)
    {
        kind = SourceKind.Payload;
        var held = read.WalkUpConversion(out _) is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is not IReturnOperation { ReturnedValue: { } returned } || !Carries(returned, read, held))
            {
                continue;
            }

            var value = returned.WalkDownConversion();
            if (value is IPropertyReferenceOperation property && ClaimTrust.IsNonClaimMember(property.Property.Name))
            {
                continue;
            }

            kind = IsTokenObject(value.Type) ? SourceKind.TokenObject : SourceKind.Payload;
            return true;
        }

        return false;
    }

    private static bool Carries(IOperation returned, IOperation read, ILocalSymbol? held)
    {
        foreach (var part in returned.DescendantsAndSelf())
        {
            if (part == read || (held is not null && part is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, held)))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsTokenObject(ITypeSymbol? type) =>
        type.InheritsFromOrEquals(_tokens.JwtSecurityToken) || type.InheritsFromOrEquals(_tokens.JsonWebToken);

    private static IOperation? FirstString(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Value.WalkDownConversion().Type?.SpecialType == SpecialType.System_String)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>Whether the helper can be given a token: a string, or the request headers it takes one from.</summary>
    private static bool HasTokenParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String || parameter.Type.Name is "IHeaderDictionary" or "HttpHeaders" or "HttpRequestHeaders")
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Summary
    {
        public Summary(int parameter, SourceKind kind)
        {
            Parameter = parameter;
            Kind = kind;
        }

        /// <summary>The ordinal of the parameter whose token text the helper reads; -1 when it is not a source.</summary>
        public int Parameter { get; }

        public SourceKind Kind { get; }
    }
}
