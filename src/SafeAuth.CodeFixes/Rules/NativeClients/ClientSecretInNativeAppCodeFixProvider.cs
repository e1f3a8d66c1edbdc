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
using Microsoft.CodeAnalysis.Simplification;
using SafeAuth.Analyzers;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.NativeClients;

/// <summary>
/// AUTH501 fixes: turn a simple MSAL confidential-client chain into a public client with a loopback redirect (MSAL adds
/// PKCE itself); remove <c>OidcClientOptions.ClientSecret</c> (OidcClient always uses PKCE).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClientSecretInNativeAppCodeFixProvider)), Shared]
public sealed class ClientSecretInNativeAppCodeFixProvider : CandidateCodeFixProvider
{
    internal const string PublicClientKey = "AUTH501.PublicClient";
    internal const string RemoveClientSecretKey = "AUTH501.RemoveClientSecret";

    /// <summary>MSAL's system-browser redirect: loopback, any free port (MSAL picks it).</summary>
    internal const string LoopbackRedirect = "http://localhost";

    private static readonly ImmutableHashSet<string> CredentialMethods =
        ImmutableHashSet.Create(System.StringComparer.Ordinal, "WithClientSecret", "WithCertificate", "WithClientAssertion");

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.ClientSecretInNativeApp);

    internal override SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node.AncestorsAndSelf().FirstOrDefault(n =>
            n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax);
    }

    internal override async Task<ImmutableArray<FixCandidate>> GetCandidatesAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return ImmutableArray<FixCandidate>.Empty;
        }

        var types = WellKnownTypes.GetOrCreate(model.Compilation);
        var builder = ImmutableArray.CreateBuilder<FixCandidate>();
        switch (model.GetOperation(node, cancellationToken))
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ClientSecret" } property }
                when property.Property.ContainingType.InheritsFromOrEquals(types.GetIdentityModelClient(MetadataNames.DuendeOidcClientOptions))
                     && AssignmentRemoval.CanRemove(node):
                builder.Add(new FixCandidate("Remove the client secret (OidcClient uses PKCE; register the app as a public client and revoke the secret)", RemoveClientSecretKey, AssignmentRemoval.RemoveAsync));
                break;

            case IInvocationOperation invocation when TryPlanPublicClient(model, invocation, types, cancellationToken, out _):
                builder.Add(new FixCandidate("Use a public client (PublicClientApplicationBuilder; register the app as a public client with its redirect URI, and revoke the secret)", PublicClientKey, RewriteAsPublicClientAsync));
                break;
        }

        return builder.ToImmutable();
    }

    /// <summary>A confidential-client chain that can become a public client without breaking the code around it.</summary>
    private sealed class Plan
    {
        public Plan(InvocationExpressionSyntax create, List<InvocationExpressionSyntax> calls, InvocationExpressionSyntax outermost, INamedTypeSymbol publicBuilder)
        {
            Create = create;
            Calls = calls;
            Outermost = outermost;
            PublicBuilder = publicBuilder;
        }

        public InvocationExpressionSyntax Create { get; }

        /// <summary>The calls after <c>Create</c>, in order, credential calls included.</summary>
        public List<InvocationExpressionSyntax> Calls { get; }

        public InvocationExpressionSyntax Outermost { get; }

        public INamedTypeSymbol PublicBuilder { get; }
    }

    private static bool TryPlanPublicClient(SemanticModel model, IInvocationOperation reported, WellKnownTypes types, CancellationToken cancellationToken, out Plan plan)
    {
        plan = null!;
        var confidential = types.Get(MetadataNames.MsalConfidentialClientApplicationBuilder);
        var publicBuilder = types.Get(MetadataNames.MsalPublicClientApplicationBuilder);
        var publicApp = types.Get(MetadataNames.MsalIPublicClientApplication);
        if (confidential is null || publicBuilder is null || publicApp is null
            || FindCreate(reported, confidential) is not { } createSyntax
            || !TryWalkChain(createSyntax, publicBuilder, out var calls, out var outer, out var builtApp)
            || !ResultFits(model, outer, builtApp ? publicApp : publicBuilder, cancellationToken))
        {
            return false;
        }

        plan = new Plan(createSyntax, calls, outer, publicBuilder);
        return true;
    }

    /// <summary>Down the chain from the reported call to <c>ConfidentialClientApplicationBuilder.Create(clientId)</c>.</summary>
    private static InvocationExpressionSyntax? FindCreate(IInvocationOperation reported, INamedTypeSymbol confidential)
    {
        IOperation current = reported;
        IInvocationOperation? create = null;
        while (current is IInvocationOperation call)
        {
            if (call.TargetMethod.IsStatic && !call.TargetMethod.IsExtensionMethod)
            {
                create = call;
                break;
            }

            current = call.Instance?.WalkDownConversion() ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value.WalkDownConversion() : null)!;
        }

        return create is not null && create.TargetMethod.Name == "Create" && create.Arguments.Length == 1
            && SymbolEqualityComparer.Default.Equals(create.TargetMethod.ContainingType, confidential)
            && create.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } createSyntax
                ? createSyntax
                : null;
    }

    /// <summary>Up the fluent chain: each call must exist on the public builder, or be a credential (dropped); nothing after <c>Build()</c>.</summary>
    private static bool TryWalkChain(InvocationExpressionSyntax createSyntax, INamedTypeSymbol publicBuilder, out List<InvocationExpressionSyntax> calls, out InvocationExpressionSyntax outer, out bool builtApp)
    {
        calls = new List<InvocationExpressionSyntax>();
        outer = createSyntax;
        builtApp = false;
        while (outer.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next } access && access.Expression == outer)
        {
            var name = access.Name.Identifier.ValueText;
            if (builtApp)
            {
                return false;
            }

            if (name == "Build")
            {
                builtApp = true;
            }
            else if (!CredentialMethods.Contains(name) && name != "WithRedirectUri" && !HasMember(publicBuilder, name))
            {
                return false;
            }

            calls.Add(next);
            outer = next;
        }

        return true;
    }

    /// <summary>The value: discarded, or a <c>var</c> local used only through members the public type also has.</summary>
    private static bool ResultFits(SemanticModel model, InvocationExpressionSyntax outer, INamedTypeSymbol resultType, CancellationToken cancellationToken) =>
        outer.Parent switch
        {
            ExpressionStatementSyntax => true,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } } declarator } =>
                model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local
                && LocalUsesFit(model, declarator, local, resultType, cancellationToken),
            _ => false,
        };

    private static bool LocalUsesFit(SemanticModel model, VariableDeclaratorSyntax declarator, ILocalSymbol local, INamedTypeSymbol resultType, CancellationToken cancellationToken)
    {
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        if (scope is null)
        {
            return false;
        }

        foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != local.Name
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
            {
                continue;
            }

            if (identifier.Parent is not MemberAccessExpressionSyntax access || access.Expression != identifier
                || !HasMember(resultType, access.Name.Identifier.ValueText))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasMember(INamedTypeSymbol type, string name)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (!current.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (!implemented.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Document> RewriteAsPublicClientAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        if (model.GetOperation(node, cancellationToken) is not IInvocationOperation invocation
            || !TryPlanPublicClient(model, invocation, WellKnownTypes.GetOrCreate(model.Compilation), cancellationToken, out var plan))
        {
            return document;
        }

        var createAccess = (MemberAccessExpressionSyntax)plan.Create.Expression;
        var publicType = (ExpressionSyntax)editor.Generator.TypeExpression(plan.PublicBuilder)
            .WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);
        ExpressionSyntax result = plan.Create.WithExpression(createAccess.WithExpression(publicType.WithTriviaFrom(createAccess.Expression)));

        // A redirect the app already sets (msal{clientId}://auth on MAUI, a registered loopback) is kept. Without one,
        // WithDefaultRedirectUri() picks the platform's: http://localhost on desktop, msal{clientId}://auth on mobile.
        var keepsRedirect = plan.Calls.Any(c => ((MemberAccessExpressionSyntax)c.Expression).Name.Identifier.ValueText == "WithRedirectUri");
        var firstAccess = plan.Calls.Count > 0 ? (MemberAccessExpressionSyntax)plan.Calls[0].Expression : null;
        var dot = Token(SyntaxKind.DotToken);
        if (firstAccess is not null)
        {
            dot = dot.WithLeadingTrivia(firstAccess.OperatorToken.LeadingTrivia);
        }

        if (!keepsRedirect)
        {
            result = HasMember(plan.PublicBuilder, "WithDefaultRedirectUri")
                ? InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, result, dot, IdentifierName("WithDefaultRedirectUri")), ArgumentList())
                : InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, result, dot, IdentifierName("WithRedirectUri")),
                    ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(LoopbackRedirect))))));
            result = result.WithTrailingTrivia(plan.Create.GetTrailingTrivia());
        }

        foreach (var call in plan.Calls)
        {
            var access = (MemberAccessExpressionSyntax)call.Expression;
            var name = access.Name.Identifier.ValueText;
            if (CredentialMethods.Contains(name))
            {
                continue;
            }

            result = call.WithExpression(access.WithExpression(result));
        }

        editor.ReplaceNode(plan.Outermost, result.WithTriviaFrom(plan.Outermost));
        return editor.GetChangedDocument();
    }
}
