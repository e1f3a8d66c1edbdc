using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.Secrets;

/// <summary>
/// The AUTH301–AUTH303 fixes: replace a hard-coded value with a configuration read when an <c>IConfiguration</c>
/// (or a builder's <c>Configuration</c>) is in scope, otherwise with a SafeAuth loader reading the environment.
/// The replacement has the type of the value it replaces (key bytes or text).
/// </summary>
internal static partial class SecretFix
{
    public const string ConfigurationVariant = ".Configuration";
    public const string EnvironmentVariant = ".Environment";

    public static SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;

    public static async Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(
        Document document, SyntaxNode node, string id, SecretSetting setting, string? algorithm, CancellationToken cancellationToken)
    {
        if (node is not ExpressionSyntax expression || IsConstantContext(expression))
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        // In a native or browser app the secret ships to every user: configuration or the environment on their device
        // does not hide it. The fix there is a public client (AUTH501's), not a move.
        if (Analyzers.Context.AnalysisScope.For(model.Compilation, document.Project.AnalyzerOptions).IsClient)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        var types = WellKnownTypes.GetOrCreate(model.Compilation);
        var type = model.GetTypeInfo(expression, cancellationToken).Type;
        expression = Retarget(model, expression, cancellationToken);
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        var isText = type.SpecialType == SpecialType.System_String;
        if (FallbackCandidate(model, expression, id, setting, cancellationToken) is { } fallback)
        {
            return ImmutableArray.Create(fallback);
        }


        return await MoveCandidatesAsync(document, model, expression, id, setting, isText, algorithm, types, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The secret moves to a new setting: configuration in scope, injected configuration, or the environment.</summary>
    private static async Task<ImmutableArray<FixCandidate>> MoveCandidatesAsync(Document document, SemanticModel model, ExpressionSyntax expression,
        string id, SecretSetting setting, bool isText, string? algorithm, WellKnownTypes types, CancellationToken cancellationToken)
    {
        // One setting per secret: named after what holds it, so two secrets never share a setting.
        setting = SecretNames.Unused(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) ?? expression.SyntaxTree.GetRoot(cancellationToken),
            SecretNames.ForSite(model, expression, setting, cancellationToken));
        var builder = ImmutableArray.CreateBuilder<FixCandidate>();
        var configuration = IsInMemberInitializer(expression) ? null : FindConfiguration(model, expression.SpanStart, types);
        if (configuration is not null)
        {
            builder.Add(new FixCandidate(
                $"Read the {setting.Noun} from configuration ('{setting.ConfigurationKey}'; set it there, and replace the leaked one: it stays in the history)",
                id + ConfigurationVariant,
                (doc, n, ct) => ReplaceAsync(doc, n, (editor, current) => FromConfiguration(editor, current, configuration, setting, isText, algorithm), ct)));
        }
        else if (await PlanConfigurationInjectionAsync(document, model, expression, types, cancellationToken).ConfigureAwait(false) is { } injection)
        {
            builder.Add(new FixCandidate(
                $"Read the {setting.Noun} from configuration ('{setting.ConfigurationKey}', through an IConfiguration {(injection.IsComponentProperty ? "[Inject] property" : "constructor parameter")}; set it there, and replace the leaked one: it stays in the history)",
                id + ConfigurationVariant,
                (doc, n, ct) => ReplaceAsync(doc, n, (editor, current) => FromInjectedConfiguration(editor, current, injection, setting, isText, algorithm), ct)));
        }
        else if (types.Get(isText ? setting.StringLoader ?? MetadataNames.SafeAuthSecretLoader : MetadataNames.SafeAuthSigningKeyLoader) is { } loader)
        {
            builder.Add(new FixCandidate(
                $"Load the {setting.Noun} from the environment variable '{setting.EnvironmentVariable}' with SafeAuth (set it, and replace the leaked one: it stays in the history)",
                id + EnvironmentVariant,
                (doc, n, ct) => ReplaceAsync(doc, n, (editor, _) => FromEnvironment(editor, loader, setting, isText, algorithm), ct)));
        }

        return builder.ToImmutable();
    }

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode node, System.Func<DocumentEditor, ExpressionSyntax, ExpressionSyntax?> create, CancellationToken cancellationToken)
    {
        if (node is not ExpressionSyntax expression)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        expression = Retarget(editor.SemanticModel, expression, cancellationToken);
        var replacement = create(editor, expression);
        if (replacement is null)
        {
            return document;
        }

        SyntaxNode target = expression;
        if (replacement.HasAnnotation(KeyLoaderCall))
        {
            // SigningKeyLoader returns the checked key: it replaces `new SymmetricSecurityKey(bytes)` whole, and
            // elsewhere (an HMAC, a byte[] local) its `.Key` stands for the bytes.
            if (WrappingKeyCreation(editor.SemanticModel, expression) is { } creation)
            {
                target = creation;
            }
            else
            {
                replacement = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, replacement, IdentifierName("Key"));
            }
        }

        // The literal's own declaration goes too when nothing else reads it: otherwise the secret stays in the file.
        var held = SecretNames.HeldBy(editor.SemanticModel, expression, cancellationToken);
        editor.ReplaceNode(target, replacement.WithTriviaFrom(target).WithAdditionalAnnotations(Simplifier.Annotation));
        RemoveIfUnused(editor, held, target, cancellationToken);
        return editor.GetChangedDocument();
    }

    /// <summary>Removes the declaration of <paramref name="held"/> when nothing outside <paramref name="replaced"/> reads it.</summary>
    private static void RemoveIfUnused(DocumentEditor editor, IFieldSymbol? held, SyntaxNode replaced, CancellationToken cancellationToken)
    {
        if (held is null || UnusedElsewhere(editor.SemanticModel, held, replaced, cancellationToken) is not { } declaration)
        {
            return;
        }

        // The first member gone: the next one should not start the type with the blank line that separated them.
        if (declaration.Parent is TypeDeclarationSyntax { Members: { Count: > 1 } members } && members[0] == declaration
            && !members[1].Contains(replaced))
        {
            var next = members[1];
            editor.ReplaceNode(next, next.WithLeadingTrivia(next.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia) || t.IsKind(SyntaxKind.WhitespaceTrivia) && t != next.GetLeadingTrivia().Last())));
        }

        editor.RemoveNode(declaration, SyntaxRemoveOptions.KeepUnbalancedDirectives);
    }

    /// <summary>
    /// The declaration of <paramref name="field"/> to remove: a private field of a type declared once, in this document,
    /// read nowhere but inside <paramref name="replaced"/>. Null when anything else may read it.
    /// </summary>
    private static SyntaxNode? UnusedElsewhere(SemanticModel model, IFieldSymbol field, SyntaxNode replaced, CancellationToken cancellationToken)
    {
        if (field.DeclaredAccessibility != Accessibility.Private || field.ContainingType.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
            || declarator.SyntaxTree != replaced.SyntaxTree)
        {
            return null;
        }

        var typeSyntax = field.ContainingType.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        foreach (var identifier in typeSyntax.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == field.Name && !replaced.Span.Contains(identifier.Span)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, field))
            {
                return null;
            }
        }

        return declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax declaration } ? declaration : declarator;
    }

    /// <summary>Marks a <c>SigningKeyLoader</c> call, which returns a key rather than bytes.</summary>
    private static readonly SyntaxAnnotation KeyLoaderCall = new("SafeAuth.KeyLoaderCall");

    /// <summary><c>new SymmetricSecurityKey(expression)</c> with nothing else set, when <paramref name="expression"/> is its only argument.</summary>
    private static ExpressionSyntax? WrappingKeyCreation(SemanticModel model, ExpressionSyntax expression)
    {
        if (expression.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: BaseObjectCreationExpressionSyntax { Initializer: null } creation } })
        {
            return null;
        }

        var type = model.GetTypeInfo(creation).Type;
        var symmetric = WellKnownTypes.GetOrCreate(model.Compilation).Get(MetadataNames.SymmetricSecurityKey);
        return symmetric is not null && SymbolEqualityComparer.Default.Equals(type, symmetric) ? creation : null;
    }

    /// <summary>
    /// A sink handed a local (<c>var key = Encoding.UTF8.GetBytes("…"); new SymmetricSecurityKey(key)</c>) is fixed
    /// where the local gets its only value, so the hard-coded data leaves the source. Locals written more than once,
    /// or declared outside a block body, are fixed at the sink.
    /// </summary>
    private static ExpressionSyntax Retarget(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        for (var depth = 0; depth < 8 && expression is IdentifierNameSyntax identifier; depth++)
        {
            if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol { IsConst: false } local
                || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
                || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax
                || IsWrittenAgain(model, declarator, local, cancellationToken))
            {
                break;
            }

            expression = initializer;
        }

        return expression;
    }

    private static bool IsWrittenAgain(SemanticModel model, VariableDeclaratorSyntax declarator, ILocalSymbol local, CancellationToken cancellationToken)
    {
        var body = declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<CompilationUnitSyntax>();
        if (body is null)
        {
            return true;
        }

        foreach (var node in body.DescendantNodes())
        {
            var written = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
                PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                _ => null,
            };

            if (written is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
            {
                return true;
            }
        }

        return false;
    }

    private static ExpressionSyntax? FromConfiguration(DocumentEditor editor, ExpressionSyntax current, ExpressionSyntax configuration, SecretSetting setting, bool isText, string? algorithm)
    {
        var types = WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation);
        var keyLiteral = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(setting.ConfigurationKey));

        // With SafeAuth referenced, its loader reads the setting and checks the value.
        var loader = types.Get(isText ? setting.StringLoader ?? MetadataNames.SafeAuthSecretLoader : MetadataNames.SafeAuthSigningKeyLoader);
        if (loader is not null)
        {
            var arguments = isText
                ? new[] { Argument(configuration), Argument(keyLiteral) }
                : new[] { Argument(configuration), Argument(keyLiteral), Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(algorithm ?? "HS256"))) };
            var call = Call(editor, loader, "FromConfiguration", arguments);
            return isText ? call : call.WithAdditionalAnnotations(KeyLoaderCall);
        }

        var exception = types.Get(MetadataNames.InvalidOperationException);
        if (exception is null)
        {
            return null;
        }

        // configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Jwt:SigningKey is not configured")
        var read = ParenthesizedExpression(BinaryExpression(
            SyntaxKind.CoalesceExpression,
            ElementAccessExpression(configuration, BracketedArgumentList(SingletonSeparatedList(Argument(keyLiteral)))),
            ThrowExpression(ObjectCreationExpression(TypeSyntax(editor, exception)).WithArgumentList(ArgumentList(SingletonSeparatedList(
                Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(setting.ConfigurationKey + " is not configured")))))))))
            .WithAdditionalAnnotations(Simplifier.Annotation);
        if (isText)
        {
            return read;
        }

        // Keep the author's encoding when the value was Encoding.X.GetBytes(...) / Convert.FromBase64String(...).
        if (current is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } invocation
            && editor.SemanticModel.GetSymbolInfo(invocation).Symbol is IMethodSymbol { Name: "GetBytes" or "FromBase64String" or "FromHexString" } method
            && method.Parameters.Length == 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
        {
            return invocation.WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(read))));
        }

        var convert = types.Get(MetadataNames.Convert);
        return convert is null ? null : Call(editor, convert, "FromBase64String", new[] { Argument(read) });
    }

    private static ExpressionSyntax FromEnvironment(DocumentEditor editor, INamedTypeSymbol loader, SecretSetting setting, bool isText, string? algorithm)
    {
        var variable = Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(setting.EnvironmentVariable)));
        var arguments = isText
            ? new[] { variable }
            : new[] { variable, Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(algorithm ?? "HS256"))) };
        var call = Call(editor, loader, "FromEnvironment", arguments);
        return isText ? call : call.WithAdditionalAnnotations(KeyLoaderCall);
    }

    private static ExpressionSyntax Call(DocumentEditor editor, INamedTypeSymbol type, string method, ArgumentSyntax[] arguments) =>
        InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeSyntax(editor, type), IdentifierName(method)),
            ArgumentList(SeparatedList(arguments)));

    private static TypeSyntax TypeSyntax(DocumentEditor editor, INamedTypeSymbol type) =>
        (TypeSyntax)editor.Generator.TypeExpression(type).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);

    /// <summary>Field and property initializers cannot read instance members: use the environment there.</summary>
    private static bool IsInMemberInitializer(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or GlobalStatementSyntax:
                    return false;
                case FieldDeclarationSyntax or PropertyDeclarationSyntax or EventFieldDeclarationSyntax:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Places that need a compile-time constant: <c>const</c> declarations, attributes, default values, case labels.</summary>
    private static bool IsConstantContext(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case FieldDeclarationSyntax field:
                    return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case LocalDeclarationStatementSyntax local:
                    return local.IsConst;
                case AttributeArgumentSyntax or ParameterSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax:
                    return true;
                case StatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
