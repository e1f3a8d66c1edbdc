using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.Secrets;

/// <summary>
/// A secret that is the hard-coded fallback of a setting the code already reads (<c>configuration["Jwt:Key"] ?? "…"</c>,
/// <c>configuration.GetValue("Jwt:Key", "…")</c>, <c>Environment.GetEnvironmentVariable("JWT_KEY") ?? "…"</c>): the
/// fix keeps that setting and replaces the fallback with a throw. A new setting name would stop reading the one the
/// app is deployed with.
/// </summary>
internal static partial class SecretFix
{
    public const string FallbackVariant = ".Fallback";

    private static FixCandidate? FallbackCandidate(SemanticModel model, ExpressionSyntax expression, string id, SecretSetting setting, CancellationToken cancellationToken)
    {
        if (FindFallback(model, expression, cancellationToken) is not { } found || WellKnownTypes.GetOrCreate(model.Compilation).Get(MetadataNames.InvalidOperationException) is null)
        {
            return null;
        }

        return FixCandidate.WithEditor(
            $"Remove the hard-coded fallback of {(found.Key is null ? "the setting" : "'" + found.Key + "'")} (where the setting is missing the app then throws; replace the leaked {setting.Noun}: it stays in the history)",
            id + FallbackVariant,
            (editor, node, ct) => node is ExpressionSyntax current
                                  && FindFallback(editor.SemanticModel, Retarget(editor.SemanticModel, current, ct), ct) is { } fallback
                                  && RemoveFallback(editor, fallback, ct));
    }

    /// <summary>The read and its fallback inside <paramref name="expression"/>; the innermost <c>??</c> when they chain.</summary>
    private static Fallback? FindFallback(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        Fallback? found = null;
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce
                    when IsRead(model.GetOperation(coalesce.Left, cancellationToken), out var key):
                    found = new Fallback(coalesce.Right, coalesce.Right, key, null, null);
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                    when model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
                         && IsBinderGetValue(operation) && operation.GetArgument("defaultValue") is { Syntax: ExpressionSyntax secret }
                         && operation.TargetMethod.TypeArguments[0].IsReferenceType && operation.GetArgument("key") is { } key:
                    found = new Fallback(invocation, secret, ValueFlow.StringOrNull(key), access.Expression, operation.TargetMethod.TypeArguments[0]);
                    break;
            }
        }

        return found;
    }

    /// <summary>
    /// Whether <paramref name="read"/> reads a setting: an <c>IConfiguration</c> indexer, <c>GetValue(key)</c> without a
    /// default, or <c>Environment.GetEnvironmentVariable</c>; <paramref name="key"/> is its key when constant.
    /// </summary>
    private static bool IsRead(IOperation? read, out string? key)
    {
        key = null;
        var types = read?.SemanticModel is { } model ? WellKnownTypes.GetOrCreate(model.Compilation) : null;
        IOperation? keyOperation = read?.WalkDownConversion() switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance.Type: { } type } indexer
                when type.ImplementsOrEquals(types!.Get(MetadataNames.IConfiguration)) => indexer.Arguments[0].Value,
            IInvocationOperation invocation when IsBinderGetValue(invocation) && invocation.GetArgument("defaultValue") is null => invocation.GetArgument("key"),
            IInvocationOperation { TargetMethod: { Name: "GetEnvironmentVariable", Parameters.Length: 1 } method } invocation
                when SymbolEqualityComparer.Default.Equals(method.ContainingType, types!.Get(MetadataNames.Environment)) => invocation.Arguments[0].Value,
            _ => null,
        };

        if (keyOperation is null)
        {
            return false;
        }

        key = ValueFlow.StringOrNull(keyOperation);
        return true;
    }

    private static bool IsBinderGetValue(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "GetValue", IsGenericMethod: true } method
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, WellKnownTypes.GetOrCreate(invocation.SemanticModel!.Compilation).Get(MetadataNames.ConfigurationBinder));

    private static bool RemoveFallback(DocumentEditor editor, Fallback fallback, CancellationToken cancellationToken)
    {
        var exception = WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation).Get(MetadataNames.InvalidOperationException)!;
        var message = fallback.Key is null ? "The setting is not configured" : fallback.Key + " is not configured";
        var thrown = ThrowExpression(ObjectCreationExpression(TypeSyntax(editor, exception))
            .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(message)))))));
        var held = SecretNames.HeldBy(editor.SemanticModel, fallback.Secret, cancellationToken);
        SyntaxNode replaced = fallback.Node;
        if (fallback.Receiver is null)
        {
            editor.ReplaceNode(fallback.Node, thrown.WithTriviaFrom(fallback.Node));
        }
        else
        {
            // configuration.GetValue("Jwt:Key", "…")  ->  configuration.GetValue<string>("Jwt:Key") ?? throw …
            var invocation = (InvocationExpressionSyntax)fallback.Node;
            var type = (TypeSyntax)editor.Generator.TypeExpression(fallback.Type!.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
            var read = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, fallback.Receiver,
                    GenericName(Identifier("GetValue")).WithTypeArgumentList(TypeArgumentList(SingletonSeparatedList(type)))),
                ArgumentList(SingletonSeparatedList(invocation.ArgumentList.Arguments[0])));
            var coalesce = ParenthesizedExpression(BinaryExpression(SyntaxKind.CoalesceExpression, read, thrown)).WithAdditionalAnnotations(Simplifier.Annotation);
            replaced = invocation.Parent is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed ? suppressed : invocation;
            editor.ReplaceNode(replaced, coalesce.WithTriviaFrom(replaced));
        }

        RemoveIfUnused(editor, held, replaced, cancellationToken);
        return true;
    }

    /// <summary>
    /// A read with a hard-coded fallback: the node to rewrite, the fallback, the key it reads (null when not constant),
    /// and for <c>GetValue</c> its receiver and type argument.
    /// </summary>
    private sealed class Fallback
    {
        public Fallback(SyntaxNode node, ExpressionSyntax secret, string? key, ExpressionSyntax? receiver, ITypeSymbol? type)
        {
            Node = node;
            Secret = secret;
            Key = key;
            Receiver = receiver;
            Type = type;
        }

        public SyntaxNode Node { get; }

        public ExpressionSyntax Secret { get; }

        public string? Key { get; }

        public ExpressionSyntax? Receiver { get; }

        public ITypeSymbol? Type { get; }
    }
}
