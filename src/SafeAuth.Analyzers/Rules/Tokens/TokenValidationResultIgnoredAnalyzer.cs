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
/// AUTH104: <c>ValidateTokenAsync</c> returns a result and does not throw for an invalid token; the result's
/// <c>IsValid</c> (or <c>Exception</c>) is never checked before the method goes on as if the token were valid.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TokenValidationResultIgnoredAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.TokenValidationResultIgnored,
        title: "Token validation result ignored",
        messageFormat: "The result of '{0}' is {1} without checking IsValid; an invalid token does not throw here",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "ValidateTokenAsync reports an invalid token through TokenValidationResult.IsValid and Exception instead of throwing. Code that ignores the result, or reads its claims without checking IsValid, accepts forged and expired tokens.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var scope = AnalysisScope.For(start);
            var result = scope.Types.Get(MetadataNames.TokenValidationResult);
            if (result is not null && !scope.IsSilent)
            {
                var aspNet = AspNetSymbols.Create(scope.Types);
                start.RegisterOperationAction(c => Analyze(c, result, aspNet, scope), OperationKind.Invocation);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol resultType, AspNetSymbols aspNet, AnalysisScope scope)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "ValidateTokenAsync"
            || invocation.TargetMethod.ReturnType is not INamedTypeSymbol { TypeArguments.Length: 1 } task
            || !task.TypeArguments[0].InheritsFromOrEquals(resultType))
        {
            return;
        }

        var result = ResultValue(invocation);
        if (result is null)
        {
            return;
        }

        var use = Misuse(result, resultType, aspNet);
        if (use is not null)
        {
            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax
                ? Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, syntax.Span.End))
                : invocation.Syntax.GetLocation();
            scope.Report(context, Diagnostic.Create(Rule, location, invocation.TargetMethod.ContainingType.Name + ".ValidateTokenAsync", use));
        }
    }

    /// <summary>The operation that yields the <c>TokenValidationResult</c>: <c>await</c>, <c>.Result</c> or <c>GetAwaiter().GetResult()</c>.</summary>
    internal static IOperation? ResultValue(IInvocationOperation invocation)
    {
        var parent = invocation.WalkUpConversion(out _);
        return parent switch
        {
            IAwaitOperation awaited => awaited,
            IPropertyReferenceOperation { Property.Name: "Result" } result => result,
            IInvocationOperation { TargetMethod.Name: "GetAwaiter" } awaiter
                when awaiter.Parent is IInvocationOperation { TargetMethod.Name: "GetResult" } getResult => getResult,
            IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configured
                when configured.WalkUpConversion(out _) is IAwaitOperation awaited => awaited,
            _ => null,
        };
    }

    /// <summary>How the result is misused, or <c>null</c> when it is checked, returned or handed on.</summary>
    private static string? Misuse(IOperation result, INamedTypeSymbol resultType, AspNetSymbols aspNet)
    {
        var parent = result.WalkUpConversion(out var child);
        switch (parent)
        {
            case IExpressionStatementOperation:
                return "discarded";
            case ISimpleAssignmentOperation { Target: IDiscardOperation }:
                return "discarded";
            case IPropertyReferenceOperation property when property.Instance == child:
                return IsCheck(property.Property.Name) ? null : "used (" + property.Property.Name + ")";
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return LocalMisuse(declarator.Symbol, result, resultType, aspNet);
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == child:
                return LocalMisuse(target.Local, result, resultType, aspNet);
            default:
                return null;
        }
    }

    private static string? LocalMisuse(ILocalSymbol local, IOperation anchor, INamedTypeSymbol resultType, AspNetSymbols aspNet)
    {
        string? firstUse = null;
        foreach (var operation in anchor.GetRoot().DescendantsAndSelf())
        {
            // Any check of IsValid or Exception on a validation result (also in patterns) counts, unless all it does
            // is reach a log line: `log.LogInformation("valid {Valid}", result.IsValid)` decides nothing.
            if (operation is IPropertyReferenceOperation { Property: var checkedProperty } && IsCheck(checkedProperty.Name)
                && checkedProperty.ContainingType.InheritsFromOrEquals(resultType))
            {
                if (OnlyLogged(operation, aspNet))
                {
                    continue;
                }

                return null;
            }

            if (operation is IPropertySubpatternOperation { Member: IPropertyReferenceOperation { Property: var patternProperty } }
                && IsCheck(patternProperty.Name))
            {
                return null;
            }

            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            var parent = reference.WalkUpConversion(out var child);
            switch (parent)
            {
                case IPropertyReferenceOperation property when property.Instance == child:
                    // An IsValid or Exception that only reaches a log line is neither a check nor a use of the claims.
                    firstUse ??= IsCheck(property.Property.Name) ? null : "used (" + property.Property.Name + ")";
                    break;
                case IAssignmentOperation assignment when assignment.Target == child:
                    break;
                default:
                    // Returned, passed to a method, stored elsewhere: the check may happen there.
                    return null;
            }
        }

        return firstUse ?? "never checked";
    }

    private static bool IsCheck(string name) => name is "IsValid" or "Exception";

    /// <summary>Whether <paramref name="read"/> is only an argument (or part of one) of a logging call in its statement.</summary>
    private static bool OnlyLogged(IOperation read, AspNetSymbols aspNet)
    {
        for (var current = read.Parent; current is not null && current is not (IExpressionStatementOperation or IBlockOperation); current = current.Parent)
        {
            if (current is IInvocationOperation invocation)
            {
                return aspNet.IsLoggingCall(invocation);
            }

            if (current is IConditionalOperation or IBinaryOperation or IUnaryOperation or IIsPatternOperation or ISwitchExpressionOperation
                or IReturnOperation or IAssignmentOperation or IVariableInitializerOperation)
            {
                return false;
            }
        }

        return false;
    }
}
