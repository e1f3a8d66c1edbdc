using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.NativeClients;

/// <summary>
/// AUTH503: the implicit grant (a response type that returns tokens from the authorization endpoint) or the resource
/// owner password grant, in any kind of project.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImplicitOrPasswordGrantAnalyzer : DiagnosticAnalyzer
{
    /// <summary><see cref="FixProperties.Shape"/> of an implicit <c>ResponseType</c> assignment on OIDC options.</summary>
    internal const string ResponseTypeShape = "ResponseType";

    internal const string Implicit = "implicit grant";
    internal const string Password = "password grant";

    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.ImplicitOrPasswordGrant,
        title: "Implicit or password grant",
        messageFormat: "'{0}' uses the {1}; use the authorization code flow with PKCE",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "The implicit grant returns tokens in the redirect URL, where they leak through history, referrers and logs, and the password grant hands the user's password to the app and bypasses multi-factor authentication. OAuth 2.0 Security BCP (RFC 9700) says not to use either: use the authorization code flow with PKCE.");

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

        // Hand-built URLs and form bodies need no library.
        context.RegisterOperationAction(analysis.AnalyzeString, OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary);
        context.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(analysis.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        context.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
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

            var text = OAuthText.Text(operation);
            if (text.IndexOf('=') < 0)
            {
                return;
            }

            var responseType = OAuthText.ParameterValue(text, "response_type");
            if (OAuthText.IsImplicit(responseType))
            {
                _scope.Report(context, Diagnostic.Create(Rule, operation.Syntax.GetLocation(), "response_type=" + responseType!.Replace(' ', '+'), Implicit));
                return;
            }

            if (string.Equals(OAuthText.ParameterValue(text, "grant_type"), "password", System.StringComparison.Ordinal))
            {
                _scope.Report(context, Diagnostic.Create(Rule, operation.Syntax.GetLocation(), "grant_type=password", Password));
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

            switch (method.Name)
            {
                case "CreateAuthorizeUrl" when SymbolEqualityComparer.Default.Equals(type, _symbols.RequestUrlExtensions):
                    var responseType = OAuthText.ConstantString(invocation.GetArgument("responseType"));
                    if (OAuthText.IsImplicit(responseType))
                    {
                        Report(context, OAuthText.InvocationLocation(invocation), "CreateAuthorizeUrl(responseType: \"" + responseType + "\")", Implicit);
                    }

                    return;

                case "RequestPasswordTokenAsync" when SymbolEqualityComparer.Default.Equals(type, _symbols.HttpClientTokenRequestExtensions):
                    // A request created here (inline or in a local) is reported once, at its creation.
                    if (invocation.GetArgument("request")?.WalkDownConversion() is not (IObjectCreationOperation or ILocalReferenceOperation))
                    {
                        Report(context, OAuthText.InvocationLocation(invocation), "RequestPasswordTokenAsync", Password);
                    }

                    return;

                case "RequestPasswordTokenAsync" when SymbolEqualityComparer.Default.Equals(type, _symbols.TokenClient):
                    Report(context, OAuthText.InvocationLocation(invocation), "TokenClient.RequestPasswordTokenAsync", Password);
                    return;

                case "AcquireTokenByUsernamePassword"
                    when type.ImplementsOrEquals(_symbols.IPublicClientApplication) || type.ImplementsOrEquals(_symbols.IByUsernameAndPassword):
                    Report(context, OAuthText.InvocationLocation(invocation), "AcquireTokenByUsernamePassword", Password);
                    return;
            }

            // { "grant_type", "password" } in a collection initializer, Add("grant_type", "password").
            if (HasGrantTypePasswordPair(invocation.Arguments))
            {
                Report(context, invocation.Syntax.GetLocation(), "grant_type=password", Password);
            }
        }

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type.InheritsFromOrEquals(_symbols.PasswordTokenRequest))
            {
                Report(context, OAuthText.CreationLocation(creation), "PasswordTokenRequest", Password);
                return;
            }

            // new KeyValuePair<string, string>("grant_type", "password")
            if (HasGrantTypePasswordPair(creation.Arguments))
            {
                Report(context, creation.Syntax.GetLocation(), "grant_type=password", Password);
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation property)
            {
                return;
            }

            // form["grant_type"] = "password"
            if (property.Arguments.Length == 1)
            {
                if (OAuthText.ConstantString(property.Arguments[0].Value) == "grant_type"
                    && OAuthText.ConstantString(assignment.Value) == "password")
                {
                    Report(context, assignment.Syntax.GetLocation(), "grant_type=password", Password);
                }

                return;
            }

            if (property.Property.Name == "GrantType")
            {
                AnalyzeGrantType(context, assignment, property);
                return;
            }

            if (property.Property.Name != "ResponseType")
            {
                return;
            }

            var owner = property.Property.ContainingType;
            string member;
            if (owner.InheritsFromOrEquals(_symbols.OpenIdConnectOptions))
            {
                member = "OpenIdConnectOptions.ResponseType";
            }
            else if (owner.InheritsFromOrEquals(_symbols.WasmOidcProviderOptions))
            {
                member = "OidcProviderOptions.ResponseType";
            }
            else
            {
                return;
            }

            var value = OAuthText.ConstantString(assignment.Value);
            if (OAuthText.IsImplicit(value))
            {
                // The one shape with a safe rewrite: the library does code + PKCE itself once the response type is "code".
                _scope.Report(context, Diagnostic.Create(Rule, assignment.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.With(FixProperties.Shape, ResponseTypeShape), member + " = \"" + value + "\"", Implicit));
            }
        }

        /// <summary><c>new TokenRequest { GrantType = OidcConstants.GrantTypes.Password }</c>: the generic request of IdentityModel.</summary>
        private void AnalyzeGrantType(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertyReferenceOperation property)
        {
            if (property.Property.ContainingType.InheritsFromOrEquals(_symbols.ProtocolRequest)
                && OAuthText.ConstantString(assignment.Value) == "password")
            {
                var request = property.Instance?.Type ?? property.Property.ContainingType;
                Report(context, assignment.Syntax.GetLocation(), request.Name + ".GrantType = \"password\"", Password);
            }
        }

        private static bool HasGrantTypePasswordPair(ImmutableArray<IArgumentOperation> arguments)
        {
            for (var i = 0; i + 1 < arguments.Length; i++)
            {
                if (OAuthText.ConstantString(arguments[i].Value) == "grant_type"
                    && OAuthText.ConstantString(arguments[i + 1].Value) == "password")
                {
                    return true;
                }
            }

            return false;
        }

        private void Report(OperationAnalysisContext context, Location location, string member, string grant) =>
            _scope.Report(context, Diagnostic.Create(Rule, location, member, grant));
    }
}
