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
using Microsoft.CodeAnalysis.Simplification;
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.Tokens;

/// <summary>
/// AUTH105 fix: sign with the <c>SigningCredentials</c> in scope, or, with none and SafeAuth referenced, with an HMAC key
/// SafeAuth loads from an environment variable named for the issuing type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TokenIssuedWithoutSignatureCodeFixProvider)), Shared]
public sealed class TokenIssuedWithoutSignatureCodeFixProvider : CandidateCodeFixProvider
{
    internal const string AddCredentialsKey = "AUTH105.AddSigningCredentials";
    internal const string EnvironmentKeyKey = "AUTH105.KeyFromEnvironment";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.TokenIssuedWithoutSignature);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic) =>
        SyntaxEdits.FindReported(root, diagnostic) is { } node && node is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax ? node : null;

    internal override async Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var credentialsType = model is null ? null : WellKnownTypes.GetOrCreate(model.Compilation).Get(MetadataNames.SigningCredentials);
        if (model is null || credentialsType is null)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        var credentials = ScopeLookup.Find(model, node.SpanStart, (_, type) => type.InheritsFromOrEquals(credentialsType));
        var operation = model.GetOperation(node, cancellationToken);
        if (operation is null || Target(operation) is null)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        if (credentials is null)
        {
            return SignWithKeyFromEnvironment(model, node);
        }

        return ImmutableArray.Create(new FixCandidate($"Sign the token with '{credentials.Name}'", AddCredentialsKey, async (doc, n, ct) =>
        {
            var currentModel = await doc.GetSemanticModelAsync(ct).ConfigureAwait(false);
            var currentOperation = currentModel?.GetOperation(n, ct);
            return currentOperation is not null && Target(currentOperation) is { } current
                ? await current.Apply(doc, IdentifierName(credentials.Name), ct).ConfigureAwait(false)
                : doc;
        }));
    }

    /// <summary>
    /// No credentials in scope: sign with an HMAC key that SafeAuth loads (and checks) from an environment variable named
    /// for the issuing type. Every service that validates these tokens must be given the same key; the title says so.
    /// </summary>
    private static ImmutableArray<FixCandidate> SignWithKeyFromEnvironment(SemanticModel model, SyntaxNode node)
    {
        var types = WellKnownTypes.GetOrCreate(model.Compilation);
        if (types.Get(MetadataNames.SafeAuthSigningKeyLoader) is not { } loader || types.Get(MetadataNames.SigningCredentials) is not { } credentialsType
            || model.GetEnclosingSymbol(node.SpanStart)?.ContainingType is not { } issuingType)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        var variable = Rules.Secrets.SecretNames.UpperSnake(issuingType.Name) + "_SIGNING_KEY";
        return ImmutableArray.Create(new FixCandidate(
            $"Sign the token with an HMAC key from the environment variable '{variable}' (set it, and give the validators the same key)",
            EnvironmentKeyKey,
            async (doc, n, ct) =>
            {
                var editor = await DocumentEditor.CreateAsync(doc, ct).ConfigureAwait(false);
                var generator = editor.Generator;
                ExpressionSyntax TypeOf(INamedTypeSymbol type) => (ExpressionSyntax)generator.TypeExpression(type).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);
                var algorithm = ParseExpression("global::Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256").WithAdditionalAnnotations(Simplifier.Annotation);
                var key = InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeOf(loader), IdentifierName("FromEnvironment")),
                    ArgumentList(SeparatedList(new[] { Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(variable))), Argument(algorithm) })));
                var credentials = ObjectCreationExpression((TypeSyntax)TypeOf(credentialsType))
                    .WithArgumentList(ArgumentList(SeparatedList(new[] { Argument(key), Argument(algorithm) })));
                var currentOperation = editor.SemanticModel.GetOperation(n, ct);
                return currentOperation is not null && Target(currentOperation) is { } current
                    ? await current.Apply(doc, credentials, ct).ConfigureAwait(false)
                    : doc;
            }));
    }

    private sealed class Edit
    {
        public Edit(SyntaxNode oldNode, System.Func<ExpressionSyntax, SyntaxNode> build)
        {
            OldNode = oldNode;
            Build = build;
        }

        public SyntaxNode OldNode { get; }
        public System.Func<ExpressionSyntax, SyntaxNode> Build { get; }

        public Task<Document> Apply(Document document, ExpressionSyntax credentials, CancellationToken cancellationToken) =>
            SyntaxEdits.ReplaceAsync(document, OldNode, Build(credentials), cancellationToken);
    }

    /// <summary>Where the credentials go: a <c>signingCredentials</c> argument, a descriptor initializer entry, a JwtHeader argument.</summary>
    private static Edit? Target(IOperation operation)
    {
        switch (operation)
        {
            case IObjectCreationOperation { Syntax: BaseObjectCreationExpressionSyntax creation } create
                when create.Constructor?.Parameters.Any(p => p.Name == "signingCredentials") == true:
                return ArgumentEdit(creation.ArgumentList, create.Arguments);

            case IObjectCreationOperation create when create.Arguments.FirstOrDefault(a => a.Parameter?.Name == "header")?.Value.WalkDownConversion().Syntax is BaseObjectCreationExpressionSyntax { ArgumentList: { Arguments.Count: 0 } headerArguments }:
                return new Edit(headerArguments, c => headerArguments.AddArguments(Argument(c)));

            case IInvocationOperation { Syntax: InvocationExpressionSyntax invocation } call:
                var descriptor = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "tokenDescriptor")?.Value;
                if (descriptor is not null)
                {
                    return descriptor.Syntax is BaseObjectCreationExpressionSyntax { Initializer: { } initializer }
                        ? new Edit(initializer, c => initializer.AddExpressions(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("SigningCredentials"), c)))
                        : null;
                }

                if (call.TargetMethod.Parameters.Any(p => p.Name == "signingCredentials"))
                {
                    return ArgumentEdit(invocation.ArgumentList, call.Arguments);
                }

                // CreateToken(string payload): the overload with credentials takes them second.
                return call.TargetMethod.Name == "CreateToken" && call.Arguments.Length == 1
                    ? new Edit(invocation.ArgumentList, c => invocation.ArgumentList.AddArguments(Argument(c)))
                    : null;

            default:
                return null;
        }
    }

    private static Edit? ArgumentEdit(ArgumentListSyntax? list, ImmutableArray<IArgumentOperation> arguments)
    {
        if (list is null)
        {
            return null;
        }

        var existing = arguments.FirstOrDefault(a => a.Parameter?.Name == "signingCredentials" && a.ArgumentKind != ArgumentKind.DefaultValue);
        if (existing?.Syntax is ArgumentSyntax argument)
        {
            return new Edit(argument.Expression, c => c);
        }

        return new Edit(list, c => list.AddArguments(Argument(NameColon(IdentifierName("signingCredentials")), default, c)));
    }
}
