using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Rules.Browser;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.Browser;

/// <summary>
/// AUTH401/AUTH402 fix: write the token to SafeAuth's in-memory <c>ITokenStore</c> instead of browser storage, using a
/// store in scope or injecting one (an <c>[Inject]</c> property in a component, a constructor parameter elsewhere).
/// Offered only when the SafeAuth runtime is referenced and the key and value are strings.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TokenWrittenToBrowserStorageCodeFixProvider)), Shared]
public sealed partial class TokenWrittenToBrowserStorageCodeFixProvider : CandidateCodeFixProvider
{
    internal const string LocalStorageKey = "AUTH401.TokenStore";
    internal const string SessionStorageKey = "AUTH402.TokenStore";

    private static readonly ConstructorInjection.Names InjectedNames = new("TokenStore", "_tokenStore", "tokenStore");

    public override ImmutableArray<string> FixableDiagnosticIds =>
        ImmutableArray.Create(RuleIds.TokenWrittenToLocalStorage, RuleIds.TokenWrittenToSessionStorage);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
    }

    internal override async Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || node is not InvocationExpressionSyntax invocationSyntax
            || model.GetOperation(node, cancellationToken) is not IInvocationOperation invocation)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        var types = WellKnownTypes.GetOrCreate(model.Compilation);
        var storeType = types.Get(MetadataNames.SafeAuthITokenStore);
        var symbols = BrowserStorageSymbols.Create(model.Compilation);
        if (storeType is null || !BrowserStorageWrite.TryMatch(invocation, symbols, out var write))
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        if (KeyOf(write) is not { } key
            || write.Value is not { Type.SpecialType: SpecialType.System_String, Syntax: ExpressionSyntax valueSyntax })
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        var cancellation = invocation.GetArgument("cancellationToken")?.Syntax as ExpressionSyntax;
        if (!TryChooseMethod(model, invocation, invocationSyntax, types, out var methodName))
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        if (!TryPlanLifecycle(write, invocationSyntax, ref methodName, out var lifecycle))
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        var plan = await RegistrationPlan.ForAsync(document, ImmutableArray.Create(Registrations.InMemoryTokenStore), cancellationToken).ConfigureAwait(false);

        var equivalenceKey = write.Storage == BrowserStorage.Local ? LocalStorageKey : SessionStorageKey;
        var inScope = ScopeLookup.Find(model, node.SpanStart, (_, type) => type.ImplementsOrEquals(storeType));
        if (inScope is not null)
        {
            var title = $"Keep the token in memory with '{inScope.Name}' (SafeAuth ITokenStore){plan.TitleSuffix}";
            return ImmutableArray.Create(new FixCandidate(title, equivalenceKey, (doc, n, ct) =>
                ReplaceWriteAsync(doc, n, IdentifierName(inScope.Name), methodName, key, valueSyntax, cancellation, injection: null, lifecycle, ct), plan.Registrations));
        }

        var injection = await ConstructorInjection.PlanAsync(document, model, node, storeType, InjectedNames, cancellationToken).ConfigureAwait(false);
        if (injection is null)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        var injectTitle = (injection.IsComponentProperty
            ? "Keep the token in memory with an injected SafeAuth ITokenStore ([Inject] property)"
            : "Keep the token in memory with a SafeAuth ITokenStore passed to the constructor") + plan.TitleSuffix;
        return ImmutableArray.Create(new FixCandidate(injectTitle, equivalenceKey, (doc, n, ct) =>
            ReplaceWriteAsync(doc, n, IdentifierName(injection.AccessName), methodName, key, valueSyntax, cancellation, injection, lifecycle, ct), plan.Registrations));
    }

    /// <summary>
    /// The key the token store gets: a string key expression, or the storage property's name for a
    /// <c>SetValueAsync("localStorage.name", …)</c> write. Null when the key is not a string (the store holds token text).
    /// </summary>
    private static ExpressionSyntax? KeyOf(BrowserStorageWrite write)
    {
        if (write.Kind == StorageSinkKind.JsInteropSetValue)
        {
            return write.KeyText is null ? null : LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(write.KeyText));
        }

        return write.Key?.WalkDownConversion() is { Type.SpecialType: SpecialType.System_String, Syntax: ExpressionSyntax keySyntax }
            ? keySyntax
            : null;
    }

    /// <summary>
    /// <c>Set</c> where the write returns nothing, <c>SetAsync</c> where it returns a non-generic <c>ValueTask</c>; a
    /// write whose result is something else only when that result is discarded (a statement, awaited or not).
    /// </summary>
    private static bool TryChooseMethod(SemanticModel model, IInvocationOperation invocation, InvocationExpressionSyntax syntax, WellKnownTypes types, out string methodName)
    {
        var returnType = invocation.TargetMethod.ReturnType;
        methodName = "Set";
        if (returnType.SpecialType == SpecialType.System_Void)
        {
            return true;
        }

        var valueTask = types.Get(MetadataNames.ValueTask);
        methodName = "SetAsync";
        if (SymbolEqualityComparer.Default.Equals(returnType, valueTask))
        {
            return true;
        }

        SyntaxNode current = syntax;
        while (current.Parent is ParenthesizedExpressionSyntax)
        {
            current = current.Parent;
        }

        var awaited = current.Parent is AwaitExpressionSyntax;
        if (awaited)
        {
            current = current.Parent!;
        }

        var discarded = current.Parent is ExpressionStatementSyntax
                        || (awaited && current.Parent is ArrowExpressionClauseSyntax && ReturnsNothingWhenAwaited(model, current, types));
        if (!discarded)
        {
            return false;
        }

        var awaitable = returnType.GetMembers("GetAwaiter").Any();
        methodName = awaitable ? "SetAsync" : "Set";
        return awaitable || !awaited;
    }

    /// <summary>An <c>async</c> method or local function whose body is this arrow clause returns no value.</summary>
    private static bool ReturnsNothingWhenAwaited(SemanticModel model, SyntaxNode awaitExpression, WellKnownTypes types)
    {
        if (model.GetEnclosingSymbol(awaitExpression.SpanStart) is not IMethodSymbol { IsAsync: true } method)
        {
            return false;
        }

        return method.ReturnsVoid
               || SymbolEqualityComparer.Default.Equals(method.ReturnType, types.Get(MetadataNames.ValueTask))
               || SymbolEqualityComparer.Default.Equals(method.ReturnType, types.Get(MetadataNames.Task));
    }

    private static async Task<Document> ReplaceWriteAsync(
        Document document,
        SyntaxNode node,
        ExpressionSyntax store,
        string methodName,
        ExpressionSyntax key,
        ExpressionSyntax value,
        ExpressionSyntax? cancellation,
        ConstructorInjection? injection,
        Lifecycle lifecycle,
        CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var arguments = new List<ArgumentSyntax> { Argument(key.WithoutTrivia()) };
        if (!lifecycle.Clears)
        {
            arguments.Add(Argument(value.WithoutTrivia()));
        }

        if (cancellation is not null && methodName is "SetAsync" or "RemoveAsync")
        {
            arguments.Add(Argument(cancellation.WithoutTrivia()));
        }

        var call = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, store, IdentifierName(methodName)),
                ArgumentList(SeparatedList(arguments)))
            .WithTriviaFrom(node);
        editor.ReplaceNode(node, call);
        if (lifecycle.KeyText is not null && node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
        {
            MoveReadsAndRemovals(editor, type, node, lifecycle.Storage, lifecycle.KeyText, store);
        }

        if (injection is not null && node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } classSyntax)
        {
            injection.Apply(editor, classSyntax);
        }

        var changed = editor.GetChangedDocument();
        return node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } }
               && node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { ParameterList: not null } owner
            ? await RemoveUnusedPrimaryParameterAsync(changed, owner.Identifier.SpanStart, receiver.Identifier.ValueText, cancellationToken).ConfigureAwait(false)
            : changed;
    }
}
