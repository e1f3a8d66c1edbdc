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

        // One level into the project's own code: its storage wrappers, and the JS functions of its script files.
        var wrappers = StorageWrappers.For(context.Compilation, symbols);
        var functions = JsStorageFunctions.Create(context.Options, context.CancellationToken);
        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                BrowserStorageWrite write;
                if (BrowserStorageWrite.TryMatch(invocation, symbols, out write))
                {
                    if (write.Storage != storage)
                    {
                        return;
                    }
                }
                else if (!wrappers.TryMatch(invocation, storage, out write) && !functions.TryMatch(invocation, symbols, storage, out write))
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
