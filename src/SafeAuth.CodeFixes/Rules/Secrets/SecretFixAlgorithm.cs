using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeAuth.CodeFixes.Rules.Secrets;

/// <summary>The HMAC algorithm a key is for, from the sink around it: <c>new HMACSHA384(…)</c> → HS384; HS256 otherwise.</summary>
internal static class SecretFixAlgorithm
{
    public static async Task<string?> FindAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return null;
        }

        foreach (var ancestor in node.Ancestors())
        {
            ITypeSymbol? type = ancestor switch
            {
                BaseObjectCreationExpressionSyntax creation => model.GetTypeInfo(creation, cancellationToken).Type,
                InvocationExpressionSyntax invocation => (model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol)?.ContainingType,
                AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax access } => model.GetTypeInfo(access.Expression, cancellationToken).Type,
                _ => null,
            };

            for (var current = type; current is not null; current = current.BaseType)
            {
                switch (current.Name)
                {
                    case "HMACSHA384":
                        return "HS384";
                    case "HMACSHA512":
                        return "HS512";
                }
            }

            if (type is not null || ancestor is StatementSyntax or MemberDeclarationSyntax)
            {
                return null;
            }
        }

        return null;
    }
}
