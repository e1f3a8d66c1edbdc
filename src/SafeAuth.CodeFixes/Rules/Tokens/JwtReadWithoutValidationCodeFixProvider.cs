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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.Tokens;

/// <summary>
/// AUTH101 fixes: validate the token with a <c>TokenValidationParameters</c> in scope, or with SafeAuth's
/// <c>StrictJwt</c>; make Jwt.Net verify; give jose-jwt the key in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(JwtReadWithoutValidationCodeFixProvider)), Shared]
public sealed partial class JwtReadWithoutValidationCodeFixProvider : CandidateCodeFixProvider
{
    internal const string ValidateWithParametersKey = "AUTH101.ValidateWithParameters";
    internal const string StrictJwtKey = "AUTH101.StrictJwt";
    internal const string JwtNetVerifyKey = "AUTH101.JwtNetVerify";
    internal const string JoseKeyKey = "AUTH101.JoseKey";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.JwtReadWithoutValidation);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node.AncestorsAndSelf().FirstOrDefault(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax);
    }

    internal override async Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        var operation = model.GetOperation(node, cancellationToken);
        var types = WellKnownTypes.GetOrCreate(model.Compilation);
        var builder = ImmutableArray.CreateBuilder<FixCandidate>();
        var setup = types.Get(MetadataNames.SafeAuthStrictJwt) is null
            ? null
            : await StrictJwtSetupAsync(document, types, cancellationToken).ConfigureAwait(false);

        switch (operation)
        {
            case IObjectCreationOperation creation when creation.Arguments.Length == 1:
                AddIdentityModelFixes(builder, model, node, creation.Type, handler: null, creation.Arguments[0].Value, types, setup);
                break;

            case IInvocationOperation invocation:
                AddInvocationFixes(builder, model, node, invocation, types, setup);
                break;
        }

        return builder.ToImmutable();
    }

    private static void AddInvocationFixes(ImmutableArray<FixCandidate>.Builder builder, SemanticModel model, SyntaxNode node, IInvocationOperation invocation, WellKnownTypes types, RegistrationPlan? setup)
    {
        var method = invocation.TargetMethod;

        // A call to the project's own decode helper: the read to validate is inside it, and a rewrite there changes
        // every caller, so the page says what to do and no fix is offered here.
        if (SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, model.Compilation.Assembly))
        {
            return;
        }

        var type = method.ContainingType?.OriginalDefinition;
        var typeName = type?.ToDisplayString();
        if (method.Name is "ReadJwtToken" or "ReadJsonWebToken" or "ReadToken" && invocation.Instance is not null
            && invocation.Arguments.Length == 1)
        {
            var tokenType = HandlerTokenType(invocation.Instance.Type, types);
            AddIdentityModelFixes(builder, model, node, tokenType, invocation.Instance, invocation.Arguments[0].Value, types, setup);
        }
        else if (typeName == MetadataNames.JwtNetBuilder && method.Name == "Decode")
        {
            // Verifying needs the key and algorithm the chain configures; without them every call would throw.
            if (SyntaxEdits.JwtNetChainConfiguresKey(node))
            {
                builder.Add(new FixCandidate("Verify the signature before decoding (MustVerifySignature)", JwtNetVerifyKey, FixJwtNetBuilderAsync));
            }

            AddStrictJwtPayloadFix(builder, node, invocation, types, setup);
        }
        else if (method.Name is "Decode" or "DecodeToObject" && invocation.GetArgument("verify") is { } verify
                 && verify.Syntax is ExpressionSyntax verifySyntax)
        {
            builder.Add(new FixCandidate("Verify the signature while decoding (verify: true)", JwtNetVerifyKey,
                (doc, _, ct) => SyntaxEdits.ReplaceAsync(doc, verifySyntax, LiteralExpression(SyntaxKind.TrueLiteralExpression), ct)));
        }
        else if (typeName == MetadataNames.JoseJwt)
        {
            AddJoseFix(builder, model, node, invocation);
            if (method.Name == "Payload")
            {
                AddStrictJwtPayloadFix(builder, node, invocation, types, setup);
            }
        }
        else if (HandRolledDecoding.IsJsonParse(method) && invocation.Arguments.Length > 0)
        {
            AddHandRolledFix(builder, model, invocation, types, setup);
        }
    }

    /// <summary>What a handler's <c>ReadToken</c> produces once validated: JwtSecurityToken or JsonWebToken.</summary>
    private static ITypeSymbol? HandlerTokenType(ITypeSymbol? handlerType, WellKnownTypes types)
    {
        if (handlerType.InheritsFromOrEquals(types.Get(MetadataNames.JwtSecurityTokenHandler)))
        {
            return types.Get(MetadataNames.JwtSecurityToken);
        }

        return types.Get(MetadataNames.JsonWebToken);
    }

    private static void AddIdentityModelFixes(
        ImmutableArray<FixCandidate>.Builder builder,
        SemanticModel model,
        SyntaxNode node,
        ITypeSymbol? tokenType,
        IOperation? handler,
        IOperation token,
        WellKnownTypes types,
        RegistrationPlan? setup)
    {
        if (token.Syntax is not ExpressionSyntax tokenSyntax || node is not ExpressionSyntax expression)
        {
            return;
        }

        var isJwtSecurityToken = SymbolEqualityComparer.Default.Equals(tokenType, types.Get(MetadataNames.JwtSecurityToken));
        var parametersType = types.Get(MetadataNames.TokenValidationParameters);
        var statement = ScopeLookup.EnclosingBlockStatement(node);
        if (parametersType is not null && statement is not null)
        {
            var parameters = ScopeLookup.Find(model, node.SpanStart, (_, t) => SymbolEqualityComparer.Default.Equals(t, parametersType));
            var canAwait = ScopeLookup.IsInAsyncContext(node);
            if (parameters is not null && (isJwtSecurityToken || canAwait))
            {
                builder.Add(new FixCandidate(
                    $"Validate the token with '{parameters.Name}'",
                    ValidateWithParametersKey,
                    (doc, n, ct) => ValidateWithParametersAsync(doc, n, parameters.Name, isJwtSecurityToken, ct)));
            }
        }

        if (setup is not null)
        {
            var helper = isJwtSecurityToken ? "ValidateJwtSecurityToken" : "ValidateJsonWebToken";
            builder.Add(new FixCandidate(
                $"Validate the token with SafeAuth StrictJwt.{helper}{setup.TitleSuffix}",
                StrictJwtKey,
                (doc, n, ct) => ReplaceWithStrictJwtAsync(doc, n, helper, ct),
                setup.Registrations));
        }
    }

    private static async Task<Document> ValidateWithParametersAsync(Document document, SyntaxNode node, string parametersName, bool isJwtSecurityToken, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        var statement = ScopeLookup.EnclosingBlockStatement(node);
        if (statement is null || !TryGetHandlerAndToken(model, editor.Generator, node, cancellationToken, out var handlerSyntax, out var tokenSyntax, out var resultType))
        {
            return document;
        }

        var generator = editor.Generator;
        var parameters = IdentifierName(parametersName);
        var tokenTypeSyntax = (TypeSyntax)generator.TypeExpression(resultType).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);
        var inserted = isJwtSecurityToken
            ? ValidateTokenStatements(model, node, handlerSyntax, tokenSyntax, parameters, tokenTypeSyntax, out var replacement)
            : ValidateTokenAsyncStatements(model, generator, node, handlerSyntax, tokenSyntax, parameters, tokenTypeSyntax, out replacement);
        if (inserted is null)
        {
            return document;
        }

        // ReadToken returns SecurityToken: keep the declared type by casting to the validated token type anyway.
        editor.ReplaceNode(node, Parenthesize(replacement).WithTriviaFrom(node).WithAdditionalAnnotations(Simplifier.Annotation));
        editor.InsertBefore(statement, inserted.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)));
        return editor.GetChangedDocument();
    }

    /// <summary><c>handler.ValidateToken(token, parameters, out var validatedToken);</c> and the cast of <c>validatedToken</c>.</summary>
    private static StatementSyntax[] ValidateTokenStatements(SemanticModel model, SyntaxNode node, ExpressionSyntax handlerSyntax, ExpressionSyntax tokenSyntax, ExpressionSyntax parameters, TypeSyntax tokenTypeSyntax, out ExpressionSyntax replacement)
    {
        var validated = ScopeLookup.UniqueName(model, node, "validatedToken");
        replacement = CastExpression(tokenTypeSyntax, IdentifierName(validated));
        return new StatementSyntax[]
        {
            ExpressionStatement(InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(handlerSyntax), IdentifierName("ValidateToken")),
                ArgumentList(SeparatedList(new[]
                {
                    Argument(tokenSyntax.WithoutTrivia()),
                    Argument(parameters),
                    Argument(DeclarationExpression(IdentifierName("var"), SingleVariableDesignation(Identifier(validated))))
                        .WithRefKindKeyword(Token(SyntaxKind.OutKeyword)),
                })))),
        };
    }

    /// <summary>
    /// <c>var validationResult = await handler.ValidateTokenAsync(token, parameters);</c>, a fail-closed throw when it is not
    /// valid, and the cast of its <c>SecurityToken</c>; null when the exception type is not referenced.
    /// </summary>
    private static StatementSyntax[]? ValidateTokenAsyncStatements(SemanticModel model, SyntaxGenerator generator, SyntaxNode node, ExpressionSyntax handlerSyntax, ExpressionSyntax tokenSyntax, ExpressionSyntax parameters, TypeSyntax tokenTypeSyntax, out ExpressionSyntax replacement)
    {
        var result = ScopeLookup.UniqueName(model, node, "validationResult");
        replacement = CastExpression(tokenTypeSyntax, MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(result), IdentifierName("SecurityToken")));
        var exceptionType = WellKnownTypes.GetOrCreate(model.Compilation).Get(MetadataNames.SecurityTokenValidationException);
        if (exceptionType is null)
        {
            return null;
        }

        var exceptionTypeSyntax = (TypeSyntax)generator.TypeExpression(exceptionType).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);
        return new StatementSyntax[]
        {
            LocalDeclarationStatement(VariableDeclaration(IdentifierName("var"), SingletonSeparatedList(
                VariableDeclarator(Identifier(result)).WithInitializer(EqualsValueClause(AwaitExpression(InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(handlerSyntax), IdentifierName("ValidateTokenAsync")),
                    ArgumentList(SeparatedList(new[] { Argument(tokenSyntax.WithoutTrivia()), Argument(parameters) }))))))))),
            IfStatement(
                PrefixUnaryExpression(SyntaxKind.LogicalNotExpression,
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(result), IdentifierName("IsValid"))),
                Block(ThrowStatement(ObjectCreationExpression(exceptionTypeSyntax).WithArgumentList(ArgumentList(SeparatedList(new[]
                {
                    Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal("The token failed validation."))),
                    Argument(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(result), IdentifierName("Exception"))),
                })))))),
        };
    }

    private static bool TryGetHandlerAndToken(SemanticModel model, SyntaxGenerator generator, SyntaxNode node, CancellationToken cancellationToken, out ExpressionSyntax handler, out ExpressionSyntax token, out ITypeSymbol resultType)
    {
        handler = null!;
        token = null!;
        resultType = null!;
        var types = WellKnownTypes.GetOrCreate(model.Compilation);
        switch (model.GetOperation(node, cancellationToken))
        {
            case IObjectCreationOperation { Type: { } type } creation when creation.Arguments.Length == 1
                                                                        && creation.Arguments[0].Value.Syntax is ExpressionSyntax tokenSyntax:
                var isJwt = SymbolEqualityComparer.Default.Equals(type, types.Get(MetadataNames.JwtSecurityToken));
                var handlerType = types.Get(isJwt ? MetadataNames.JwtSecurityTokenHandler : MetadataNames.JsonWebTokenHandler);
                if (handlerType is null)
                {
                    return false;
                }

                handler = ObjectCreationExpression((TypeSyntax)generator
                        .TypeExpression(handlerType).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation))
                    .WithArgumentList(ArgumentList());
                token = tokenSyntax;
                resultType = type;
                return true;

            case IInvocationOperation { Instance: { } instance } invocation when invocation.Arguments.Length == 1
                                                                               && instance.Syntax is ExpressionSyntax instanceSyntax
                                                                               && invocation.Arguments[0].Value.Syntax is ExpressionSyntax tokenSyntax:
                var tokenType = HandlerTokenType(instance.Type, types);
                if (tokenType is null)
                {
                    return false;
                }

                handler = instanceSyntax.WithoutTrivia();
                token = tokenSyntax;
                resultType = tokenType;
                return true;

            default:
                return false;
        }
    }

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ThisExpressionSyntax
            or ParenthesizedExpressionSyntax or ElementAccessExpressionSyntax
            ? expression
            : ParenthesizedExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation);

    private static async Task<Document> ReplaceWithStrictJwtAsync(Document document, SyntaxNode node, string helper, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var strictJwt = WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation).Get(MetadataNames.SafeAuthStrictJwt);
        if (strictJwt is null || !TryGetHandlerAndToken(editor.SemanticModel, editor.Generator, node, cancellationToken, out _, out var token, out _))
        {
            return document;
        }

        var call = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                    (ExpressionSyntax)editor.Generator.TypeExpression(strictJwt).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation),
                    IdentifierName(helper)),
                ArgumentList(SingletonSeparatedList(Argument(token.WithoutTrivia()))))
            .WithTriviaFrom(node);
        editor.ReplaceNode(node, call);
        return editor.GetChangedDocument();
    }
}
