using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.NativeClients;

/// <summary>
/// AUTH502: an authorization code request or redemption without PKCE, in any kind of project: Duende
/// <c>CreateAuthorizeUrl</c> without <c>codeChallenge</c>, <c>AuthorizationCodeTokenRequest</c> without
/// <c>CodeVerifier</c>, ASP.NET Core <c>UsePkce = false</c>, hand-built <c>response_type=code</c> URLs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AuthorizationCodeWithoutPkceAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.AuthorizationCodeWithoutPkce,
        title: "Authorization code flow without PKCE",
        messageFormat: "'{0}' runs the authorization code flow without PKCE; send an S256 code_challenge and redeem the code with its code_verifier",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "Without PKCE, an authorization code intercepted on its way back to the app (a malicious app claiming the same redirect, a leaked log or referrer) can be redeemed by the attacker, and code injection goes unnoticed. RFC 9700 requires PKCE for public clients and recommends it for every client.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var scope = AnalysisScope.For(context);
        if (scope.IsSilent)
        {
            return;
        }

        var symbols = NativeClientSymbols.Create(context.Compilation);
        var analysis = new Analysis(symbols, scope);

        // Hand-built authorize URLs need no library.
        context.RegisterOperationAction(analysis.AnalyzeString, OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary);
        if (symbols.HasDuende)
        {
            context.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            context.RegisterOperationAction(analysis.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        }

        if (symbols.OpenIdConnectOptions is not null)
        {
            context.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
        }
    }

    private sealed class Analysis
    {
        private readonly NativeClientSymbols _symbols;
        private readonly AnalysisScope _scope;

        public Analysis(NativeClientSymbols symbols, AnalysisScope scope)
        {
            _symbols = symbols;
            _scope = scope;
        }

        public void AnalyzeString(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            if (!OAuthText.MayHoldProtocolText(operation) || !OAuthText.IsOutermostStringExpression(operation))
            {
                return;
            }

            var holes = new List<IOperation>();
            var text = OAuthText.Text(operation, holes);
            if (text.IndexOf('=') < 0 || !OAuthText.ResponseTypeHas(OAuthText.ParameterValue(text, "response_type"), "code")
                || OAuthText.HasParameter(text, "code_challenge"))
            {
                return;
            }

            // A run-time part named after PKCE may carry the challenge.
            foreach (var hole in holes)
            {
                var holeText = hole.Syntax.ToString();
                if (holeText.IndexOf("challenge", System.StringComparison.OrdinalIgnoreCase) >= 0
                    || holeText.IndexOf("pkce", System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return;
                }
            }

            if (IsOnlyHandedBack(operation))
            {
                return;
            }

            Report(context, operation.Syntax.GetLocation(), "response_type=code");
        }

        /// <summary>
        /// A consent or authorize URL that is only packed into a response's parameters (a dictionary entry of a
        /// <c>WWW-Authenticate</c> challenge) by a member that redeems no code: the client that follows it starts the flow,
        /// holds the verifier and redeems the code, so PKCE is that client's to add.
        /// </summary>
        private static bool IsOnlyHandedBack(IOperation url)
        {
            // The URL may be one part of a concatenation whose type the compiler could not settle (half-typed code).
            while (url.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } or IConversionOperation)
            {
                url = url.Parent;
            }

            var local = url.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                _ => null,
            };

            if (local is null)
            {
                return false;
            }

            var root = url.GetRoot();
            var uses = 0;
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation redemption && IsCodeRedemption(redemption.TargetMethod.Name))
                {
                    return false;
                }

                if (operation is ILiteralOperation { ConstantValue.Value: string text }
                    && text.IndexOf("authorization_code", System.StringComparison.Ordinal) >= 0)
                {
                    return false;
                }

                if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    continue;
                }

                uses++;
                var use = reference.Parent is IConversionOperation conversion ? conversion.Parent : reference.Parent;
                var packed = use switch
                {
                    IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add" } } => true,
                    ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } } assignment => assignment.Value == reference || assignment.Value == reference.Parent,
                    _ => false,
                };

                if (!packed)
                {
                    return false;
                }
            }

            return uses > 0;
        }

        private static bool IsCodeRedemption(string name) =>
            name.IndexOf("AuthorizationCode", System.StringComparison.Ordinal) >= 0
            || name.StartsWith("RedeemCode", System.StringComparison.Ordinal)
            || name.StartsWith("ExchangeCode", System.StringComparison.Ordinal);

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return;
            }

            if (method.Name == "CreateAuthorizeUrl" && SymbolEqualityComparer.Default.Equals(type, _symbols.RequestUrlExtensions))
            {
                var responseType = OAuthText.ConstantString(invocation.GetArgument("responseType"));
                if (OAuthText.ResponseTypeHas(responseType, "code") && OAuthText.IsMissingOrNull(invocation.GetArgument("codeChallenge")))
                {
                    Report(context, OAuthText.InvocationLocation(invocation), "CreateAuthorizeUrl");
                }

                return;
            }

            if (method.Name == "RequestAuthorizationCodeTokenAsync" && SymbolEqualityComparer.Default.Equals(type, _symbols.TokenClient)
                && OAuthText.IsMissingOrNull(invocation.GetArgument("codeVerifier")))
            {
                Report(context, OAuthText.InvocationLocation(invocation), "TokenClient.RequestAuthorizationCodeTokenAsync");
            }
        }

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!creation.Type.InheritsFromOrEquals(_symbols.AuthorizationCodeTokenRequest))
            {
                return;
            }

            var verifier = OAuthText.InitializerAssignment(creation, "CodeVerifier");
            if (verifier is not null && !OAuthText.IsMissingOrNull(verifier.Value))
            {
                return;
            }

            if (OAuthText.LocalGetsPropertyLater(creation, "CodeVerifier"))
            {
                return;
            }

            Report(context, OAuthText.CreationLocation(creation), "AuthorizationCodeTokenRequest");
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "UsePkce" } property
                && property.Property.ContainingType.InheritsFromOrEquals(_symbols.OpenIdConnectOptions)
                && assignment.Value.IsConstant(false))
            {
                Report(context, assignment.Syntax.GetLocation(), "OpenIdConnectOptions.UsePkce = false");
            }
        }

        private void Report(OperationAnalysisContext context, Location location, string member) =>
            _scope.Report(context, Diagnostic.Create(Rule, location, member));
    }
}
