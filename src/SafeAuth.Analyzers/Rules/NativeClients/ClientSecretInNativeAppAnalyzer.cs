using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.NativeClients;

/// <summary>
/// AUTH501: a native (MAUI, WPF, WinForms, WinUI, Avalonia, Xamarin, Uno) or browser (Blazor WebAssembly) app
/// authenticates as a confidential client: whatever the secret's source, a secret shipped in an app is public.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientSecretInNativeAppAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.ClientSecretInNativeApp,
        title: "Client secret in a native or browser app",
        messageFormat: "'{0}' makes this {1} app a confidential client, but every user of the app can read a credential shipped in it; register a public client and use PKCE",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A desktop, mobile or browser app runs on its users' devices, so any client secret, certificate or assertion it holds can be extracted, wherever the value comes from. Such apps are public clients (RFC 8252 §8.5): they authenticate users with the authorization code flow and PKCE, and leave client credentials to servers.");

    private static readonly ImmutableHashSet<string> MsalCredentialMethods =
        ImmutableHashSet.Create(System.StringComparer.Ordinal, "WithClientSecret", "WithCertificate", "WithClientAssertion");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = NativeClientSymbols.Create(context.Compilation);
        if (!symbols.HasMsal && !symbols.HasDuende && symbols.ClientSecretCredential is null)
        {
            return;
        }

        // Servers and daemons are where confidential clients belong; a shared library is decided by its own references.
        var scope = AnalysisScope.For(context);
        if (!scope.IsClient || scope.IsSilent)
        {
            return;
        }

        var analysis = new Analysis(symbols, scope, (scope.Kind & ProjectKind.NativeApp) != 0 ? "native" : "browser");
        if (symbols.HasMsal)
        {
            context.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        }

        context.RegisterOperationAction(analysis.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        if (symbols.HasDuende)
        {
            context.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
        }
    }

    private sealed class Analysis
    {
        private readonly NativeClientSymbols _symbols;
        private readonly string _appKind;
        private readonly AnalysisScope _scope;

        public Analysis(NativeClientSymbols symbols, AnalysisScope scope, string appKind)
        {
            _symbols = symbols;
            _scope = scope;
            _appKind = appKind;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!IsOnConfidentialBuilder(method))
            {
                return;
            }

            if (MsalCredentialMethods.Contains(method.Name))
            {
                Report(context, OAuthText.InvocationLocation(invocation), method.Name);
                return;
            }

            if (method.Name is "Create" or "CreateWithApplicationOptions" && method.IsStatic)
            {
                // Reported once per fluent chain: on the credential call when there is one.
                if (!ChainHasCredentialCall(invocation))
                {
                    Report(context, OAuthText.InvocationLocation(invocation), "ConfidentialClientApplicationBuilder." + method.Name);
                }
            }
        }

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var type = creation.Type;
            if (type.InheritsFromOrEquals(_symbols.ClientCredentialsTokenRequest))
            {
                Report(context, OAuthText.CreationLocation(creation), type!.Name);
            }
            else if (type.InheritsFromOrEquals(_symbols.ClientSecretCredential))
            {
                Report(context, OAuthText.CreationLocation(creation), type!.Name);
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "ClientSecret" } property
                || IsNullOrEmpty(assignment.Value))
            {
                return;
            }

            var owner = property.Property.ContainingType;
            var instanceType = property.Instance?.Type ?? owner;
            if (owner.InheritsFromOrEquals(_symbols.OidcClientOptions))
            {
                Report(context, assignment.Syntax.GetLocation(), "OidcClientOptions.ClientSecret");
            }
            else if (owner.InheritsFromOrEquals(_symbols.ProtocolRequest) || owner.InheritsFromOrEquals(_symbols.ClientOptions))
            {
                // new ClientCredentialsTokenRequest { ClientSecret = ... } is reported once, at the creation.
                if (instanceType.InheritsFromOrEquals(_symbols.ClientCredentialsTokenRequest))
                {
                    return;
                }

                Report(context, assignment.Syntax.GetLocation(), instanceType!.Name + ".ClientSecret");
            }
        }

        private bool IsOnConfidentialBuilder(IMethodSymbol method)
        {
            var builder = _symbols.ConfidentialClientApplicationBuilder;
            if (SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, builder))
            {
                return true;
            }

            // Extension methods such as ConfidentialClientApplicationBuilderExtensions.WithCertificate(builder, ...).
            var original = method.ReducedFrom ?? method;
            return original.IsExtensionMethod && original.Parameters.Length > 0
                && SymbolEqualityComparer.Default.Equals(original.Parameters[0].Type, builder);
        }

        private static bool ChainHasCredentialCall(IInvocationOperation create)
        {
            IOperation current = create;
            for (var depth = 0; depth < 64; depth++)
            {
                var parent = current.Parent;
                if (parent is IConversionOperation or IParenthesizedOperation)
                {
                    current = parent;
                    continue;
                }

                IInvocationOperation? next = parent switch
                {
                    IInvocationOperation call when call.Instance == current => call,
                    IArgumentOperation { Parent: IInvocationOperation call } argument
                        when call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 && call.Arguments[0] == argument => call,
                    _ => null,
                };
                if (next is null)
                {
                    return false;
                }

                if (MsalCredentialMethods.Contains(next.TargetMethod.Name))
                {
                    return true;
                }

                current = next;
            }

            return false;
        }

        private static bool IsNullOrEmpty(IOperation value) =>
            value.WalkDownConversion().ConstantValue is { HasValue: true, Value: null or "" };

        private void Report(OperationAnalysisContext context, Location location, string member) =>
            _scope.Report(context, Diagnostic.Create(Rule, location, member, _appKind));
    }
}
