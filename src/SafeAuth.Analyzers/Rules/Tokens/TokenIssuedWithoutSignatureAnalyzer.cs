using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// AUTH105: a token is created without signing credentials, which writes <c>alg: none</c>: <c>new JwtSecurityToken</c>
/// without credentials, a <c>JwtHeader</c> without credentials, a <c>SecurityTokenDescriptor</c> without
/// <c>SigningCredentials</c>, <c>CreateToken(string payload)</c>, Jwt.Net's <c>NoneAlgorithm</c>, jose-jwt's <c>JwsAlgorithm.none</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TokenIssuedWithoutSignatureAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.TokenIssuedWithoutSignature,
        title: "Token issued without a signature",
        messageFormat: "{0} creates a token without a signature (alg 'none'); {1}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A token issued without signing credentials carries 'alg: none': nothing binds its claims to the issuer, and any validator that accepts it can be fed forged tokens. Sign every token with a key the validator trusts.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var scope = AnalysisScope.For(start);
            var symbols = new Symbols(scope);
            if (!symbols.AnyReferenced || scope.IsSilent)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
        });
    }

    private sealed class Symbols
    {
        public Symbols(AnalysisScope scope)
        {
            Scope = scope;
            var types = scope.Types;
            JwtSecurityToken = types.Get(MetadataNames.JwtSecurityToken);
            JwtHeader = types.Get(MetadataNames.JwtHeader);
            JwtSecurityTokenHandler = types.Get(MetadataNames.JwtSecurityTokenHandler);
            JsonWebTokenHandler = types.Get(MetadataNames.JsonWebTokenHandler);
            Descriptor = types.Get(MetadataNames.SecurityTokenDescriptor);
            NoneAlgorithm = types.Get(MetadataNames.JwtNetNoneAlgorithm);
            JoseJwt = types.Get(MetadataNames.JoseJwt);
            JwsAlgorithm = types.Get(MetadataNames.JoseJwsAlgorithm);
        }

        public AnalysisScope Scope { get; }

        public INamedTypeSymbol? JwtSecurityToken { get; }
        public INamedTypeSymbol? JwtHeader { get; }
        public INamedTypeSymbol? JwtSecurityTokenHandler { get; }
        public INamedTypeSymbol? JsonWebTokenHandler { get; }
        public INamedTypeSymbol? Descriptor { get; }
        public INamedTypeSymbol? NoneAlgorithm { get; }
        public INamedTypeSymbol? JoseJwt { get; }
        public INamedTypeSymbol? JwsAlgorithm { get; }

        public bool AnyReferenced => JwtSecurityToken is not null || JsonWebTokenHandler is not null || NoneAlgorithm is not null || JoseJwt is not null;
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, Symbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var type = creation.Type;
        if (type is null)
        {
            return;
        }

        if (SymbolEqualityComparer.Default.Equals(type, symbols.JwtSecurityToken) && creation.Constructor is { } constructor)
        {
            if (constructor.HasParameter("signingCredentials"))
            {
                if (IsMissingOrNull(creation.Arguments, "signingCredentials"))
                {
                    Report(symbols.Scope, context, creation.Syntax.GetLocation(), "new JwtSecurityToken(...)", "pass signingCredentials");
                }
            }
            else if (constructor.HasParameter("header") && Argument(creation.Arguments, "header") is { } header
                     && IsUnsignedHeader(header, symbols))
            {
                Report(symbols.Scope, context, creation.Syntax.GetLocation(), "new JwtSecurityToken(header, payload)", "build the JwtHeader with signing credentials");
            }

            return;
        }

        if (SymbolEqualityComparer.Default.Equals(type, symbols.NoneAlgorithm) && FeedsEncoder(creation))
        {
            Report(symbols.Scope, context, creation.Syntax.GetLocation(), "Jwt.Net NoneAlgorithm", "use an HMAC, RSA or ECDSA algorithm with a key");
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, Symbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var containing = method.ContainingType?.OriginalDefinition;
        if (containing is null)
        {
            return;
        }

        if (method.Name is "CreateToken" or "CreateJwtSecurityToken" or "CreateEncodedJwt"
            && (containing.InheritsFromOrEquals(symbols.JsonWebTokenHandler) || containing.InheritsFromOrEquals(symbols.JwtSecurityTokenHandler)))
        {
            var name = containing.Name + "." + method.Name;
            if (Argument(invocation.Arguments, "tokenDescriptor") is { } descriptor)
            {
                if (IsUnsignedDescriptor(descriptor, symbols))
                {
                    Report(symbols.Scope, context, invocation.Syntax.GetLocation(), name, "set SecurityTokenDescriptor.SigningCredentials");
                }

                return;
            }

            var payloadOnly = method.Parameters.Length == 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String;
            if (payloadOnly || (method.HasParameter("signingCredentials") && IsMissingOrNull(invocation.Arguments, "signingCredentials")))
            {
                Report(symbols.Scope, context, invocation.Syntax.GetLocation(), name, "pass signing credentials");
            }

            return;
        }

        if (SymbolEqualityComparer.Default.Equals(containing, symbols.JoseJwt) && method.Name is "Encode" or "EncodeBytes")
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                var value = argument.Value.WalkDownConversion();
                var isNoneEnum = SymbolEqualityComparer.Default.Equals(value.Type, symbols.JwsAlgorithm)
                                 && value is IFieldReferenceOperation { Field.Name: "none" };
                var isNoneString = argument.Parameter?.Name is "jwsAlg" or "alg"
                                   && ValueFlow.TryGetConstant(value, out var constant) && constant is string text
                                   && string.Equals(text, "none", System.StringComparison.OrdinalIgnoreCase);
                if (isNoneEnum || isNoneString)
                {
                    Report(symbols.Scope, context, argument.Syntax.GetLocation(), "JWT." + method.Name, "sign with HS256, RS256, ES256 or another JWS algorithm");
                    return;
                }
            }
        }
    }

    private static bool FeedsEncoder(IObjectCreationOperation creation)
    {
        var parent = creation.WalkUpConversion(out _);
        if (parent is IArgumentOperation { Parent: { } call })
        {
            switch (call)
            {
                case IObjectCreationOperation encoder when encoder.Type?.Name == "JwtEncoder":
                    return true;
                case IInvocationOperation { TargetMethod.Name: "WithAlgorithm" } withAlgorithm:
                    // Only a builder that issues tokens; decoding with NoneAlgorithm is signature validation switched off.
                    for (IOperation current = withAlgorithm; current.Parent is IInvocationOperation next && next.Instance == current; current = next)
                    {
                        if (next.TargetMethod.Name == "Encode")
                        {
                            return true;
                        }
                    }

                    return false;
            }
        }

        return false;
    }

    private static bool IsUnsignedHeader(IOperation header, Symbols symbols)
    {
        header = header.WalkDownConversion();
        if (header is ILocalReferenceOperation local && ValueFlow.SingleValue(local.Local, local) is { } held)
        {
            header = held.WalkDownConversion();
        }

        if (header is not IObjectCreationOperation { Constructor: { } constructor } creation
            || !SymbolEqualityComparer.Default.Equals(creation.Type, symbols.JwtHeader))
        {
            return false;
        }

        if (constructor.HasParameter("signingCredentials"))
        {
            return IsMissingOrNull(creation.Arguments, "signingCredentials");
        }

        // new JwtHeader() or a header built from encrypting credentials only.
        return constructor.Parameters.Length == 0;
    }

    private static bool IsUnsignedDescriptor(IOperation descriptor, Symbols symbols)
    {
        descriptor = descriptor.WalkDownConversion();
        ILocalSymbol? local = null;
        if (descriptor is ILocalReferenceOperation reference)
        {
            local = reference.Local;
            if (ValueFlow.SingleValue(reference.Local, reference) is not { } held)
            {
                return false;
            }

            descriptor = held.WalkDownConversion();
        }

        if (descriptor is not IObjectCreationOperation creation || !creation.Type.InheritsFromOrEquals(symbols.Descriptor))
        {
            return false;
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation assignment && PropertyAssignments.AssignedProperty(assignment)?.Name is "SigningCredentials" or "EncryptingCredentials"
                    && !(assignment.Value.WalkDownConversion().ConstantValue is { HasValue: true, Value: null }))
                {
                    return false;
                }
            }
        }

        if (local is not null)
        {
            foreach (var operation in descriptor.GetRoot().DescendantsAndSelf())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SigningCredentials" or "EncryptingCredentials", Instance: ILocalReferenceOperation target } }
                    && SymbolEqualityComparer.Default.Equals(target.Local, local))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static bool IsMissingOrNull(ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument.ArgumentKind == ArgumentKind.DefaultValue
                       || argument.Value.WalkDownConversion().ConstantValue is { HasValue: true, Value: null };
            }
        }

        return true;
    }

    private static void Report(AnalysisScope scope, OperationAnalysisContext context, Location location, string member, string fix) =>
        scope.Report(context, Diagnostic.Create(Rule, location, member, fix));
}
