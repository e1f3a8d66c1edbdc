using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Secrets;

/// <summary>
/// AUTH301: constant data written in the source reaches a signing or MAC key: <c>SymmetricSecurityKey</c>,
/// <c>HMACSHA256/384/512</c>, Jwt.Net and jose-jwt key arguments.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedSigningKeyAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.HardCodedSigningKey,
        title: "Hard-coded signing key",
        messageFormat: "'{0}' is given a signing key hard-coded in {1}; load the key from configuration, the environment or a key vault",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A signing key written in the source is in every copy of the code and its history, so anyone who reads it can forge tokens or MACs. Load keys from configuration, the environment or a key vault, and generate them with a cryptographic random number generator.");

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
        if (!symbols.HasKeySinks || scope.IsSilent)
        {
            return;
        }

        var analysis = new Analysis(symbols, new ConstantDataTracker(context.Compilation, symbols), scope);
        context.RegisterOperationAction(analysis.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        context.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
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

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var type = creation.Type as INamedTypeSymbol;
            if (type is null || creation.Constructor is null || !HasKeyParameter(creation.Constructor))
            {
                return;
            }

            if (type.InheritsFromOrEquals(_symbols.SymmetricSecurityKey) || type.InheritsFromOrEquals(_symbols.KeyedHashAlgorithm))
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Name == "key")
                    {
                        Check(context, argument.Value, "new " + type.Name);
                    }
                }
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "Key" } property
                && property.Property.ContainingType.InheritsFromOrEquals(_symbols.KeyedHashAlgorithm))
            {
                var type = property.Instance?.Type ?? property.Property.ContainingType;
                Check(context, assignment.Value, type.Name + ".Key");
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var type = method.ContainingType;

            // Most calls have no key parameter: a name check comes before any type walk.
            if (type is null || !HasKeyParameter(method))
            {
                return;
            }

            string member;
            if (method.IsStatic && method.Name is "HashData" or "HashDataAsync" or "TryHashData" && type.InheritsFromOrEquals(_symbols.KeyedHashAlgorithm))
            {
                member = type.Name + "." + method.Name;
            }
            else if (method.Name == "WithSecret" && SymbolEqualityComparer.Default.Equals(type, _symbols.JwtNetBuilder))
            {
                member = "JwtBuilder.WithSecret";
            }
            // The generic definition: calls with a 'key' parameter are mostly dictionary methods, and walking the
            // interfaces of every constructed dictionary type allocated a substituted copy of each (the benchmark's
            // largest allocation); the interfaces' definitions, all this test compares, are the same.
            else if (IsJwtNetKeyType(type.OriginalDefinition) || SymbolEqualityComparer.Default.Equals(type, _symbols.JoseJwt))
            {
                member = (SymbolEqualityComparer.Default.Equals(type, _symbols.JoseJwt) ? "JWT" : ReceiverName(invocation, type)) + "." + method.Name;
            }
            else
            {
                return;
            }

            CheckKeyArguments(context, invocation, member);
        }

        /// <summary>Every argument bound to a key parameter; each element of an array of keys (<c>params string[]</c>, <c>byte[][]</c>).</summary>
        private void CheckKeyArguments(OperationAnalysisContext context, IInvocationOperation invocation, string member)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null || !IsKeyParameterName(argument.Parameter.Name))
                {
                    continue;
                }

                if (argument.Value.WalkDownConversion() is IArrayCreationOperation { Initializer: { } initializer } array
                    && array.Type is IArrayTypeSymbol { ElementType: IArrayTypeSymbol or { SpecialType: SpecialType.System_String } })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        Check(context, element, member);
                    }

                    continue;
                }

                Check(context, argument.Value, member);
            }
        }

        private static bool HasKeyParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (IsKeyParameterName(parameter.Name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsKeyParameterName(string name) => name is "key" or "keys" or "secret" or "secrets";

        private bool IsJwtNetKeyType(INamedTypeSymbol type) =>
            type.ImplementsOrEquals(_symbols.JwtNetIEncoder) || type.ImplementsOrEquals(_symbols.JwtNetIDecoder)
            || SymbolEqualityComparer.Default.Equals(type, _symbols.JwtNetEncoderExtensions)
            || SymbolEqualityComparer.Default.Equals(type, _symbols.JwtNetDecoderExtensions);

        private static string ReceiverName(IInvocationOperation invocation, INamedTypeSymbol type) =>
            invocation.GetReceiver()?.Type is INamedTypeSymbol receiver && receiver.TypeKind != TypeKind.Error ? receiver.Name : type.Name;

        private void Check(OperationAnalysisContext context, IOperation value, string member)
        {
            if (value.Syntax is null || _tracker.Find(value) is not { } origin)
            {
                return;
            }

            _scope.Report(context, Diagnostic.Create(Rule, value.Syntax.GetLocation(), member, origin.Description));
        }
    }
}
