using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Rules.Browser;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.Browser;

// The rest of a key's lifecycle moves with its write: reads and removals of the same key in the same storage area of
// the same type go to the token store too, so reads do not return null and sign-out still forgets the token.
public sealed partial class TokenWrittenToBrowserStorageCodeFixProvider
{
    /// <summary>What moves with the write: the storage area and key of its reads and removals, and whether it clears the key.</summary>
    private sealed class Lifecycle
    {
        public Lifecycle(BrowserStorage storage, string? keyText, bool clears)
        {
            Storage = storage;
            KeyText = keyText;
            Clears = clears;
        }

        public BrowserStorage Storage { get; }

        public string? KeyText { get; }

        public bool Clears { get; }
    }

    /// <summary>
    /// What moves with the write. A sign-out that writes "" removes the token instead (the store refuses an empty
    /// token); RemoveAsync returns another type, so only where the write is a statement of its own.
    /// </summary>
    private static bool TryPlanLifecycle(BrowserStorageWrite write, InvocationExpressionSyntax syntax, ref string methodName, out Lifecycle lifecycle)
    {
        var clears = IsClearingWrite(write);
        lifecycle = new Lifecycle(write.Storage, write.KeyText, clears);
        if (!clears)
        {
            return true;
        }

        if (!IsStatement(syntax, out var awaited))
        {
            return false;
        }

        methodName = methodName == "SetAsync" && awaited ? "RemoveAsync" : "Remove";
        return true;
    }

    /// <summary>A write of <c>""</c>: a sign-out that clears the key. The store refuses empty tokens; it becomes a removal.</summary>
    private static bool IsClearingWrite(BrowserStorageWrite write) =>
        write.Value?.WalkDownConversion() is { ConstantValue: { HasValue: true, Value: string { Length: 0 } } }
            or IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } };

    /// <summary>Whether <paramref name="node"/> is a statement of its own, awaited or not (its result is not used).</summary>
    private static bool IsStatement(SyntaxNode node, out bool awaited)
    {
        SyntaxNode current = node;
        while (current.Parent is ParenthesizedExpressionSyntax)
        {
            current = current.Parent;
        }

        awaited = current.Parent is AwaitExpressionSyntax;
        return (awaited ? current.Parent!.Parent : current.Parent) is ExpressionStatementSyntax;
    }

    /// <summary>
    /// Rewrites every awaited <c>getItem</c> (as <c>GetAsync</c>) and awaited-statement <c>removeItem</c> (as
    /// <c>RemoveAsync</c>) of <paramref name="keyText"/> in <paramref name="storage"/> within <paramref name="type"/>.
    /// </summary>
    private static void MoveReadsAndRemovals(DocumentEditor editor, TypeDeclarationSyntax type, SyntaxNode write, BrowserStorage storage, string keyText, ExpressionSyntax store)
    {
        var model = editor.SemanticModel;
        var symbols = BrowserStorageSymbols.Create(model.Compilation);
        foreach (var invocation in type.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation == write || invocation.Parent is not AwaitExpressionSyntax
                || model.GetOperation(invocation) is not IInvocationOperation operation
                || operation.GetArgument("cancellationToken") is not null
                || !BrowserStorageWrite.TryMatchJsInteropAccess(operation, symbols, out var accessed, out var kind, out var key)
                || accessed != storage || ValueFlow.StringOrNull(key) != keyText || key.Syntax is not ExpressionSyntax keySyntax)
            {
                continue;
            }

            string method;
            if (kind == "getItem" && operation.TargetMethod is { Name: "InvokeAsync", TypeArguments.Length: 1 } invoke
                && invoke.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                method = "GetAsync";
            }
            else if (kind == "removeItem" && IsStatement(invocation, out _))
            {
                method = "RemoveAsync";
            }
            else
            {
                continue;
            }

            editor.ReplaceNode(invocation, InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, store, IdentifierName(method)),
                    ArgumentList(SingletonSeparatedList(Argument(keySyntax.WithoutTrivia()))))
                .WithTriviaFrom(invocation));
        }
    }

    /// <summary>
    /// The primary-constructor parameter the write went through (<c>IJSRuntime js</c>) when nothing in the class reads it
    /// any more (it would warn CS9113) and nothing constructs the class with <c>new</c> (a DI-activated service).
    /// </summary>
    private static async Task<Document> RemoveUnusedPrimaryParameterAsync(Document document, int classIdentifierStart, string name, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindToken(classIdentifierStart).Parent is not ClassDeclarationSyntax { ParameterList: { } parameters } type || model is null
            || parameters.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is not { } parameter
            || model.GetDeclaredSymbol(parameter, cancellationToken) is not { } symbol
            || type.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, symbol))
            || symbol.ContainingSymbol is not IMethodSymbol constructor)
        {
            return document;
        }

        var callers = await SymbolFinder.FindReferencesAsync(constructor, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        return callers.Any(r => r.Locations.Any())
            ? document
            : document.WithSyntaxRoot(root.ReplaceNode(parameters, parameters.WithParameters(parameters.Parameters.Remove(parameter))));
    }
}
