using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SourceKind = SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer.SourceKind;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// The reads AUTH101 watches: IdentityModel's Read* methods, Jwt.Net's builder and decoder without verification,
/// jose-jwt's payload readers and key-less decode, and hand-rolled base64url decoding of the payload segment.
/// </summary>
internal sealed class UnverifiedTokenSources
{
    private readonly TokenSymbols _tokens;

    public UnverifiedTokenSources(TokenSymbols tokens) => _tokens = tokens;

    public bool TryGetInvocationSource(IInvocationOperation invocation, out SourceKind kind, out string member)
    {
        kind = SourceKind.TokenObject;
        member = string.Empty;
        var method = invocation.TargetMethod;
        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return false;
        }

        switch (method.Name)
        {
            case "ReadJwtToken" or "ReadJsonWebToken" or "ReadToken" when _tokens.HasIdentityModel:
                return IsIdentityModelRead(invocation, type, out member);

            case "Decode" when SymbolEqualityComparer.Default.Equals(type, _tokens.JwtNetBuilder):
                kind = SourceKind.Payload;
                member = type.Name + "." + method.Name;
                return !JwtNetBuilderVerifies(invocation);

            case "Decode" or "DecodeToObject"
                when SymbolEqualityComparer.Default.Equals(type, _tokens.JwtNetDecoderExtensions)
                     || type.ImplementsOrEquals(_tokens.JwtNetIDecoder):
                kind = SourceKind.Payload;
                member = "IJwtDecoder." + method.Name;
                var verify = invocation.GetArgument("verify");
                return verify is null
                    ? !method.HasParameter("verify")
                    : verify.IsConstant(false);

            case "Payload" or "PayloadBytes" when SymbolEqualityComparer.Default.Equals(type, _tokens.JoseJwt):
                kind = SourceKind.Payload;
                member = "JWT." + method.Name;
                return true;

            case "Decode" or "DecodeBytes" when SymbolEqualityComparer.Default.Equals(type, _tokens.JoseJwt):
                kind = SourceKind.Payload;
                member = "JWT." + method.Name;
                var key = invocation.GetArgument("key");
                return key is null || key.WalkDownConversion().ConstantValue is { HasValue: true, Value: null };

            default:
                if (HandRolledDecoding.IsJsonParse(method) && invocation.Arguments.Length > 0
                    && HandRolledDecoding.ComesFromJwtPayloadSegment(invocation.Arguments[0].Value))
                {
                    kind = SourceKind.Payload;
                    member = "Split('.') + base64 decode + " + type.Name + "." + method.Name;
                    return true;
                }

                return false;
        }
    }

    /// <summary>IdentityModel's <c>Read*(string)</c> on a token handler: the token is parsed, never validated.</summary>
    private bool IsIdentityModelRead(IInvocationOperation invocation, INamedTypeSymbol type, out string member)
    {
        member = string.Empty;
        var method = invocation.TargetMethod;
        if (method.Parameters.Length != 1 || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var receiverType = invocation.Instance?.Type;
        if (!IsTokenHandler(type) && !IsTokenHandler(receiverType))
        {
            return false;
        }

        var handlerName = IsTokenHandler(receiverType) && receiverType is not null ? receiverType.Name : type.Name;
        member = handlerName + "." + method.Name;
        return true;
    }

    private bool IsTokenHandler(ITypeSymbol? type) =>
        type.InheritsFromOrEquals(_tokens.JwtSecurityTokenHandler)
        || type.InheritsFromOrEquals(_tokens.JsonWebTokenHandler)
        || type.InheritsFromOrEquals(_tokens.TokenHandler);

    /// <summary>Whether a Jwt.Net builder chain ends up verifying the signature before <c>Decode</c>.</summary>
    private bool JwtNetBuilderVerifies(IInvocationOperation decode)
    {
        var verifies = _tokens.JwtNetBuilderVerifiesByDefault;
        foreach (var call in JwtNetBuilderCalls(decode))
        {
            switch (call.TargetMethod.Name)
            {
                case "MustVerifySignature":
                    return true;
                case "DoNotVerifySignature":
                    return false;
                case "WithVerifySignature" when call.Arguments.Length == 1:
                    if (call.Arguments[0].Value.IsConstant(false))
                    {
                        return false;
                    }

                    if (call.Arguments[0].Value.IsConstant(true))
                    {
                        return true;
                    }

                    // Not a constant: the author chose at run time; do not guess.
                    return true;
                case "WithValidationParameters":
                    return true;
            }
        }

        return verifies;
    }

    /// <summary>
    /// The calls made on the builder before <paramref name="decode"/>, nearest first: the fluent chain, then
    /// (for a builder held in a local) the calls made on that local and its initializer.
    /// </summary>
    private static IEnumerable<IInvocationOperation> JwtNetBuilderCalls(IInvocationOperation decode)
    {
        var receiver = decode.Instance?.WalkDownConversion();
        var depth = 0;
        while (receiver is not null && depth++ < 64)
        {
            if (receiver is IInvocationOperation call)
            {
                yield return call;
                receiver = call.Instance?.WalkDownConversion();
                continue;
            }

            if (receiver is ILocalReferenceOperation local)
            {
                // Statements like `builder.MustVerifySignature();` and the local's initializer.
                var root = decode.GetRoot();
                IOperation? initializer = null;
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is IInvocationOperation other && other != decode
                        && other.Instance?.WalkDownConversion() is ILocalReferenceOperation r
                        && SymbolEqualityComparer.Default.Equals(r.Local, local.Local))
                    {
                        yield return other;
                    }

                    if (operation is IVariableDeclaratorOperation declarator
                        && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
                    {
                        initializer = declarator.Initializer?.Value;
                    }
                }

                receiver = initializer?.WalkDownConversion();
                continue;
            }

            yield break;
        }
    }
}
