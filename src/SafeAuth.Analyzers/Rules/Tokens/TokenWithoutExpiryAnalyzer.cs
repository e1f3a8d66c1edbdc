using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Options;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// AUTH201: a token is issued without an <c>exp</c> claim: <c>new JwtSecurityToken</c>/<c>JwtPayload</c> without
/// <c>expires</c>, a descriptor without <c>Expires</c> on a handler whose default times are off, a constant JSON
/// payload, Jwt.Net's builder or encoder and jose-jwt's <c>JWT.Encode</c> with a payload that has no <c>exp</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class TokenWithoutExpiryAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.TokenWithoutExpiry,
        title: "Token issued without expiry",
        messageFormat: "'{0}' issues a token without an expiry (exp); give it a short lifetime",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A JWT without an exp claim is valid forever wherever lifetime is not required, so a leaked or stolen token can never be revoked by time. Give every token you issue a short expiry.");

    /// <summary>What the code fix changes for a diagnostic.</summary>
    internal enum FixShape
    {
        /// <summary>No automatic fix (a constant JSON payload).</summary>
        None,
        /// <summary>Set the <c>expires</c> argument of a constructor (add it, or replace <c>null</c>).</summary>
        ExpiresArgument,
        /// <summary>Add <c>Expires = …</c> to a <c>SecurityTokenDescriptor</c> initializer.</summary>
        DescriptorExpires,
        /// <summary>Add an <c>"exp"</c> entry to a dictionary (or <c>JwtPayload</c>) initializer.</summary>
        DictionaryEntry,
        /// <summary>Add an <c>exp</c> member to an anonymous object.</summary>
        AnonymousMember,
        /// <summary>Add <c>.AddClaim(ClaimName.ExpirationTime, …)</c> before Jwt.Net's <c>Encode()</c>.</summary>
        BuilderClaim,
    }

    private enum PayloadState
    {
        Unknown,
        HasExp,
        NoExp,
    }

    private static readonly Regex ExpMember = new("\"exp\"\\s*:", RegexOptions.CultureInvariant);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = ExpirySymbols.Create(start.Compilation);
            var scope = AnalysisScope.For(start);
            if (!symbols.HasIssuingLibrary || scope.IsSilent)
            {
                return;
            }

            var analysis = new Analysis(symbols, scope);
            start.RegisterOperationAction(analysis.AnalyzeCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        });
    }

    private sealed partial class Analysis
    {
        private readonly ExpirySymbols _symbols;
        private readonly AnalysisScope _scope;

        public Analysis(ExpirySymbols symbols, AnalysisScope scope)
        {
            _symbols = symbols;
            _scope = scope;
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var type = creation.Type;
            if (type is null || creation.Constructor is null)
            {
                return;
            }

            var isToken = SymbolEqualityComparer.Default.Equals(type, _symbols.JwtSecurityToken);
            var isPayload = SymbolEqualityComparer.Default.Equals(type, _symbols.JwtPayload);
            if (!isToken && !isPayload)
            {
                return;
            }

            var root = creation.GetRoot();
            var expires = FindParameter(creation.Constructor, "expires");
            if (expires is null)
            {
                // new JwtSecurityToken(header, payload) is judged by its payload; JwtPayload() / JwtPayload(claims) by its entries.
                if (isPayload && PayloadOfCreation(creation, root) == PayloadState.NoExp && !RootAddsExpClaim(root))
                {
                    Report(context, creation.Syntax.GetLocation(), FixShape.DictionaryEntry, "new JwtPayload");
                }

                return;
            }

            IArgumentOperation? argument = null;
            foreach (var candidate in creation.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.Parameter, expires))
                {
                    argument = candidate;
                }
            }

            var missing = argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue;
            if (!missing && !ValueFlow.IsConstantNull(argument!.Value))
            {
                return;
            }

            // An "exp" claim in the claims passed along, or entries added to the payload afterwards.
            if (RootAddsExpClaim(root) || (isPayload && PayloadOfCreation(creation, root) != PayloadState.NoExp))
            {
                return;
            }

            if (missing || argument!.Value.Syntax is not ExpressionSyntax)
            {
                Report(context, creation.Syntax.GetLocation(), FixShape.ExpiresArgument, "new " + type.Name);
            }
            else
            {
                Report(context, argument.Value.Syntax.GetLocation(), FixShape.ExpiresArgument, "new " + type.Name, replacesValue: true);
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return;
            }

            var root = invocation.GetRoot();
            switch (method.Name)
            {
                case "CreateToken" or "CreateJwtSecurityToken" or "CreateEncodedJwt" when IsTokenHandler(type) || IsTokenHandler(invocation.Instance?.Type):
                    AnalyzeHandlerCreate(context, invocation, root);
                    return;

                case "Encode" when SymbolEqualityComparer.Default.Equals(type, _symbols.JwtNetBuilder):
                    AnalyzeBuilderEncode(context, invocation, root);
                    return;

                case "Encode" when type.ImplementsOrEquals(_symbols.JwtNetIEncoder)
                                   || SymbolEqualityComparer.Default.Equals(type, _symbols.JwtNetEncoderExtensions):
                    AnalyzePayloadArgument(context, invocation, root, "IJwtEncoder.Encode");
                    return;

                case "Encode" or "EncodeBytes" when SymbolEqualityComparer.Default.Equals(type, _symbols.JoseJwt):
                    AnalyzePayloadArgument(context, invocation, root, "JWT." + method.Name);
                    return;
            }
        }

        private bool IsTokenHandler(ITypeSymbol? type) =>
            type.InheritsFromOrEquals(_symbols.JwtSecurityTokenHandler)
            || type.InheritsFromOrEquals(_symbols.JsonWebTokenHandler)
            || type.InheritsFromOrEquals(_symbols.TokenHandler);

        private static IParameterSymbol? FindParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    return parameter;
                }
            }

            return null;
        }

        private static Location NameToEnd(IInvocationOperation invocation)
        {
            if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } syntax)
            {
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(memberAccess.Name.SpanStart, syntax.Span.End));
            }

            return invocation.Syntax.GetLocation();
        }

        private void Report(OperationAnalysisContext context, Location location, FixShape shape, string member, bool replacesValue = false)
        {
            var lifetime = SafeAuthOptionDefinitions.DefaultTokenLifetime.Get(context.Options, location.SourceTree);
            var properties = ImmutableDictionary<string, string?>.Empty
                .With(FixProperties.Shape, shape.ToString())
                .With(FixProperties.ReplacesValue, replacesValue)
                .With(FixProperties.LifetimeSeconds, (long)lifetime.TotalSeconds);
            _scope.Report(context, Diagnostic.Create(Rule, location, properties, member));
        }
    }
}
