using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// AUTH101: a JWT is read without validating its signature, and a server then trusts its claims:
/// they build a principal, or decide something while a request is handled.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JwtReadWithoutValidationAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.JwtReadWithoutValidation,
        title: "JWT claims trusted without signature validation",
        messageFormat: "'{0}' reads the token without validating its signature, yet {1}; validate the token before trusting its claims",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "Reading a JWT only parses it: anyone can forge its claims. Code that builds a principal from those claims, or decides access on them while handling a request, must validate the signature, issuer, audience and lifetime first.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var analysis = CreateAnalysis(context.Compilation, context.Options);
        if (analysis is null)
        {
            return;
        }

        context.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);

        // `new JwtSecurityToken(string)` / `new JsonWebToken(string)`: only where IdentityModel is referenced.
        if (analysis.WatchesTokenConstructors)
        {
            context.RegisterOperationAction(analysis.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        }
    }

    /// <summary>
    /// The AUTH101 analysis for a compilation, or <c>null</c> where the rule does not apply (a client app, a test project,
    /// no JWT library and no request pipeline). Other rules use it to avoid reporting a misuse AUTH101 already reports.
    /// </summary>
    internal static Analysis? CreateAnalysis(Compilation compilation, AnalyzerOptions options)
    {
        var tokens = TokenSymbols.Create(compilation);
        var scope = AnalysisScope.For(compilation, options);

        // A client reads its own token (UI state, refresh timing): that is not a server trusting input.
        if (scope.IsClient || scope.IsSilent)
        {
            return null;
        }

        var aspNet = AspNetSymbols.Create(tokens.Types);

        // Hand-rolled decoding is only watched where there is a request to trust it in, a JWT library in use, or a
        // Blazor AuthenticationStateProvider to build the user in (a component library shared by server and client).
        if (!tokens.HasAnyJwtLibrary && aspNet.HttpContext is null && aspNet.AuthenticationStateProvider is null)
        {
            return null;
        }

        return new Analysis(tokens, aspNet, scope);
    }

    /// <summary>What a source of unverified token data produces.</summary>
    internal enum SourceKind
    {
        /// <summary>An IdentityModel token object (<c>JwtSecurityToken</c>, <c>JsonWebToken</c>, <c>SecurityToken</c>).</summary>
        TokenObject,
        /// <summary>The payload itself (JSON text, a dictionary or a deserialized object).</summary>
        Payload,
    }

    /// <summary>
    /// The rule for one compilation: <see cref="UnverifiedTokenSources"/> finds the reads, <see cref="ClaimTrust"/> decides
    /// whether what they read is trusted.
    /// </summary>
    internal sealed class Analysis
    {
        private readonly TokenSymbols _tokens;
        private readonly UnverifiedTokenSources _sources;
        private readonly HelperTokenSources _helpers;
        private readonly ClaimTrust _trust;
        private readonly AnalysisScope _scope;

        public Analysis(TokenSymbols tokens, AspNetSymbols aspNet, AnalysisScope scope)
        {
            _tokens = tokens;
            _scope = scope;
            _sources = new UnverifiedTokenSources(tokens);
            _trust = new ClaimTrust(aspNet, new TokenProvenance(tokens.Types));
            _helpers = new HelperTokenSources(_sources, tokens, ProjectMethods.For(tokens.Types.Compilation), _trust);
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (_sources.TryGetInvocationSource(invocation, out var kind, out var member)
                || _helpers.TryGetSource(invocation, out kind, out member))
            {
                AnalyzeSource(context, invocation, kind, member, ReportLocation(invocation));
            }
        }

        public bool WatchesTokenConstructors => _tokens.JwtSecurityToken is not null || _tokens.JsonWebToken is not null;

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var constructor = creation.Constructor;
            if (constructor is null || constructor.Parameters.Length != 1
                || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String)
            {
                return;
            }

            var type = constructor.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(type, _tokens.JwtSecurityToken)
                || SymbolEqualityComparer.Default.Equals(type, _tokens.JsonWebToken))
            {
                AnalyzeSource(context, creation, SourceKind.TokenObject, "new " + type.Name + "(string)", creation.Syntax.GetLocation());
            }
        }

        private static Location ReportLocation(IInvocationOperation invocation)
        {
            if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } syntax)
            {
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(memberAccess.Name.SpanStart, syntax.Span.End));
            }

            return invocation.Syntax.GetLocation();
        }

        /// <summary>Whether AUTH101 reports <paramref name="invocation"/> as an unverified read whose claims are trusted.</summary>
        public bool IsReported(IInvocationOperation invocation, ISymbol containingSymbol) =>
            _sources.TryGetInvocationSource(invocation, out var kind, out _) && _trust.GetTrustReason(invocation, kind, containingSymbol) is not null;

        private void AnalyzeSource(OperationAnalysisContext context, IOperation source, SourceKind kind, string member, Location location)
        {
            var reason = _trust.GetTrustReason(source, kind, context.ContainingSymbol);
            if (reason is not null)
            {
                _scope.Report(context, Diagnostic.Create(Rule, location, member, reason));
            }
        }
    }
}
