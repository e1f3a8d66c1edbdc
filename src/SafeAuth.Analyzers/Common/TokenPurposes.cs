using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeAuth.Analyzers.Common;

/// <summary>What a token is issued for.</summary>
internal enum TokenPurpose
{
    /// <summary>No evidence either way: held to the access-token limits.</summary>
    Unknown,
    /// <summary>An access token (or an ID token): short-lived by design.</summary>
    Access,
    /// <summary>A refresh token: lives longer, with its own limit.</summary>
    Refresh,
    /// <summary>A licence, invitation, e-mail confirmation, unsubscribe or offline token: its lifetime is a business term.</summary>
    Other,
}

/// <summary>
/// Decides a token's purpose from evidence in the code that issues it, nearest first: the variable, property or field the
/// token goes to, the literals of the expression that builds it (a <c>token_use</c> or <c>typ</c> claim, an audience,
/// a <c>TokenType</c>), then the enclosing local function, method, property and type names.
/// </summary>
internal static class TokenPurposes
{
    private static readonly string[] OtherWords =
    {
        "licence", "license", "licensing", "offline", "activation", "invite", "invitation", "subscription", "unsubscribe",
        "emailconfirm", "confirmemail", "emailverification", "verifyemail", "passwordreset", "resetpassword", "magiclink",
    };

    public static TokenPurpose Of(SyntaxNode issuing)
    {
        // The expression that builds the token: its literals carry claims, audiences and token types.
        for (var node = issuing; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator when FromName(declarator.Identifier.ValueText) is var byVariable && byVariable != TokenPurpose.Unknown:
                    return byVariable;
                case AssignmentExpressionSyntax { Left: var target } when node != issuing && FromName(LastName(target)) is var byTarget && byTarget != TokenPurpose.Unknown:
                    return byTarget;
                case ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or InvocationExpressionSyntax or InitializerExpressionSyntax
                    when FromLiterals(node) is var byLiterals && byLiterals != TokenPurpose.Unknown:
                    return byLiterals;
                case StatementSyntax when node.Parent is BlockSyntax:
                case MemberDeclarationSyntax:
                    return FromEnclosingNames(node);
            }
        }

        return TokenPurpose.Unknown;
    }

    private static TokenPurpose FromEnclosingNames(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            var name = current switch
            {
                LocalFunctionStatementSyntax local => local.Identifier.ValueText,
                MethodDeclarationSyntax method => method.Identifier.ValueText,
                PropertyDeclarationSyntax property => property.Identifier.ValueText,
                BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                _ => null,
            };

            if (FromName(name) is var purpose && purpose != TokenPurpose.Unknown)
            {
                return purpose;
            }
        }

        return TokenPurpose.Unknown;
    }

    private static TokenPurpose FromLiterals(SyntaxNode expression)
    {
        foreach (var literal in expression.DescendantNodes())
        {
            if (literal is LiteralExpressionSyntax { Token.Value: string text } && FromText(text) is var purpose && purpose != TokenPurpose.Unknown)
            {
                return purpose;
            }
        }

        return TokenPurpose.Unknown;
    }

    /// <summary>A claim value, audience or token type: <c>refresh</c>, <c>refresh+jwt</c>, <c>at+jwt</c>, <c>licence</c>.</summary>
    private static TokenPurpose FromText(string text)
    {
        if (text.Length > 64)
        {
            return TokenPurpose.Unknown;
        }

        var lower = Normalize(text);
        if (lower is "at+jwt" or "application/at+jwt" or "access" or "accesstoken")
        {
            return TokenPurpose.Access;
        }

        if (lower.StartsWith("refresh", System.StringComparison.Ordinal) || lower.EndsWith("refresh", System.StringComparison.Ordinal)
            || lower.Contains("refreshtoken") || lower is "rt+jwt" or "refresh+jwt")
        {
            return TokenPurpose.Refresh;
        }

        return IsOther(lower) ? TokenPurpose.Other : TokenPurpose.Unknown;
    }

    /// <summary>A member or variable name: <c>refreshToken</c>, <c>CreateRefreshToken</c>, <c>LicenseIssuer</c>.</summary>
    public static TokenPurpose FromName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return TokenPurpose.Unknown;
        }

        var lower = Normalize(name!);
        if (lower.Contains("refresh"))
        {
            return TokenPurpose.Refresh;
        }

        if (IsOther(lower))
        {
            return TokenPurpose.Other;
        }

        return lower.Contains("accesstoken") || lower.Contains("idtoken") ? TokenPurpose.Access : TokenPurpose.Unknown;
    }

    private static bool IsOther(string lower)
    {
        foreach (var word in OtherWords)
        {
            if (lower.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static string? LastName(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Lower case without separators, so <c>refresh_token</c>, <c>Refresh-Token</c> and <c>RefreshToken</c> agree.</summary>
    private static string Normalize(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not ('_' or '-' or ' ' or '.' or ':'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
