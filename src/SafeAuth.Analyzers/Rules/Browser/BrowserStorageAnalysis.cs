using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Browser;

/// <summary>The logic AUTH401 and AUTH402 share: each analyzer reports the writes to its own storage area.</summary>
internal static class BrowserStorageAnalysis
{
    public static void OnCompilationStart(CompilationStartAnalysisContext context, BrowserStorage storage, DiagnosticDescriptor rule)
    {
        var symbols = BrowserStorageSymbols.Create(context.Compilation);
        if (!symbols.HasAnySink)
        {
            return;
        }

        var scope = AnalysisScope.For(context);
        if (scope.IsSilent)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                if (!BrowserStorageWrite.TryMatch(invocation, symbols, out var write) || write.Storage != storage)
                {
                    return;
                }

                if (TokenEvidence.Find(write, symbols) is { } evidence)
                {
                    scope.Report(operationContext, Diagnostic.Create(rule, invocation.Syntax.GetLocation(), write.Member, evidence));
                }
            },
            OperationKind.Invocation);
    }
}
