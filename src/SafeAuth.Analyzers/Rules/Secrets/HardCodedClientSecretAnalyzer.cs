using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Secrets;

/// <summary>
/// AUTH302: constant data written in the source reaches an OAuth/OpenID Connect client secret: MSAL
/// <c>WithClientSecret</c>, ASP.NET Core remote-authentication options, Duende requests and options,
/// Azure.Identity <c>ClientSecretCredential</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedClientSecretAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.HardCodedClientSecret,
        title: "Hard-coded client secret",
        messageFormat: "'{0}' is given a client secret hard-coded in {1}; load it from configuration, the environment or a key vault",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A client secret written in the source is in every copy of the code and its history, so anyone who reads it can act as the application at the authorization server. Load client secrets from configuration, the environment or a key vault, or use a certificate or managed identity instead.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = SecretSymbols.Create(context.Compilation);
        var scope = AnalysisScope.For(context);
        if (!symbols.HasClientSecretSinks || scope.IsSilent)
        {
            return;
        }

        var analysis = new Analysis(symbols, new ConstantDataTracker(context.Compilation, symbols), scope);
        context.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
        if (symbols.MsalConfidentialClientApplicationBuilder is not null)
        {
            context.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        }

        if (symbols.AzureClientSecretCredential is not null)
        {
            context.RegisterOperationAction(analysis.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        }
    }

    private sealed class Analysis
    {
        private readonly SecretSymbols _symbols;
        private readonly ConstantDataTracker _tracker;
        private readonly AnalysisScope _scope;

        public Analysis(SecretSymbols symbols, ConstantDataTracker tracker, AnalysisScope scope)
        {
            _symbols = symbols;
            _tracker = tracker;
            _scope = scope;
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Arguments.Length: 0 } target)
            {
                return;
            }

            var property = target.Property;
            var declaringType = property.ContainingType;
            var isSink = property.Name switch
            {
                "ClientSecret" => declaringType.InheritsFromOrEquals(_symbols.RemoteAuthenticationOptions)
                                  || declaringType.InheritsFromOrEquals(_symbols.DuendeProtocolRequest)
                                  || declaringType.InheritsFromOrEquals(_symbols.DuendeClientOptions)
                                  || declaringType.InheritsFromOrEquals(_symbols.DuendeOidcClientOptions),
                "AppSecret" or "ConsumerSecret" => declaringType.InheritsFromOrEquals(_symbols.RemoteAuthenticationOptions),
                _ => false,
            };

            if (isSink)
            {
                var type = target.Instance?.Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } instanceType ? instanceType : declaringType;
                Check(context, assignment.Value, type.Name + "." + property.Name);
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name == "WithClientSecret"
                && invocation.TargetMethod.ContainingType.InheritsFromOrEquals(_symbols.MsalConfidentialClientApplicationBuilder)
                && invocation.GetArgument("clientSecret") is { } secret)
            {
                Check(context, secret, "ConfidentialClientApplicationBuilder.WithClientSecret");
            }
        }

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type.InheritsFromOrEquals(_symbols.AzureClientSecretCredential))
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Name == "clientSecret" && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        Check(context, argument.Value, "new " + creation.Type!.Name);
                    }
                }
            }
        }

        private void Check(OperationAnalysisContext context, IOperation value, string member)
        {
            if (_tracker.Find(value) is { } origin)
            {
                _scope.Report(context, Diagnostic.Create(Rule, value.Syntax.GetLocation(), member, origin.Description));
            }
        }
    }
}
