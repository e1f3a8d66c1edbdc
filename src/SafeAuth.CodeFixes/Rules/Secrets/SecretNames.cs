using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeAuth.CodeFixes.Rules.Secrets;

/// <summary>
/// One setting name per distinct secret, from the code around it, so a fix (or Fix All over a solution) never moves two
/// different secrets to one setting: the field, constant, property or local that holds the value
/// (<c>RefreshTokenKey</c> → <c>Jwt:RefreshTokenKey</c>), else the options type it is assigned to
/// (<c>GoogleOptions.ClientSecret</c> → <c>Authentication:Google:ClientSecret</c>), else the type that holds it
/// (<c>PartnerWebhookVerifier</c> → <c>Jwt:PartnerWebhookVerifier:SigningKey</c>). Only code with no such context
/// (top-level statements) gets the plain default name.
/// </summary>
internal static class SecretNames
{
    /// <summary>Names that say what kind of value it is, not which one: they do not tell two secrets apart.</summary>
    private static readonly HashSet<string> Generic = new(System.StringComparer.Ordinal)
    {
        "key", "keys", "secret", "secrets", "signingkey", "issuersigningkey", "clientsecret", "token", "value", "bytes",
        "keybytes", "secretbytes", "secretkey", "password", "data", "text", "jwtkey", "jwtsecret", "jwtsigningkey",
        "jwtsecretkey", "hmackey", "appsecret", "apikey", "privatekey", "privatekeypem", "pem", "jwt", "tokenkey",
    };

    private static readonly HashSet<string> GenericMembers = new(System.StringComparer.Ordinal)
    {
        "Main", "Configure", "ConfigureServices", "Build", "Create", "Get", "Run", "Invoke", "InvokeAsync", "Execute",
    };

    /// <summary>Types whose name says nothing about which secret they hold.</summary>
    private static readonly HashSet<string> GenericTypes = new(System.StringComparer.Ordinal)
    {
        "Program", "Startup", "Constants", "Config", "Configuration", "Settings", "Secrets", "Keys", "Extensions",
        "ServiceCollectionExtensions",
    };

    public static SecretSetting ForSite(SemanticModel model, ExpressionSyntax expression, SecretSetting defaults, CancellationToken cancellationToken)
    {
        if (HolderName(model, expression, cancellationToken) is { } holder)
        {
            return defaults.WithName(Pascal(holder));
        }

        if (OptionsName(model, expression, cancellationToken) is { } options)
        {
            return defaults.WithContext(options);
        }

        var type = expression.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText;
        if (type is not null && !GenericTypes.Contains(type))
        {
            return defaults.WithContext(type);
        }

        var member = expression.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText;
        return member is null || GenericMembers.Contains(member) ? defaults : defaults.WithContext(member);
    }

    /// <summary>
    /// <paramref name="setting"/>, or with a number appended when its key is already written in the document: a second
    /// secret in the same place (or an earlier fix of Fix All) gets a setting of its own instead of sharing one.
    /// </summary>
    public static SecretSetting Unused(SyntaxNode root, SecretSetting setting)
    {
        var used = new HashSet<string>(
            root.DescendantTokens().Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken)).Select(t => t.ValueText),
            System.StringComparer.Ordinal);
        if (!used.Contains(setting.ConfigurationKey) && !used.Contains(setting.EnvironmentVariable))
        {
            return setting;
        }

        for (var n = 2; ; n++)
        {
            var numbered = setting.WithSuffix(n);
            if (!used.Contains(numbered.ConfigurationKey) && !used.Contains(numbered.EnvironmentVariable))
            {
                return numbered;
            }
        }
    }

    /// <summary>The source field, constant, property or local holding the value, when its name is specific.</summary>
    internal static string? HolderName(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var held = HeldBy(model, expression, cancellationToken)?.Name;
        if (held is not null && IsSpecific(held))
        {
            return held;
        }

        string? declared = expression.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: var left } assignment when assignment.Right == expression => LastName(left),
            _ => null,
        };

        return declared is not null && IsSpecific(declared) ? declared : null;
    }

    /// <summary>The field or constant with an initializer that <paramref name="expression"/> reads (the literal's declaration).</summary>
    internal static IFieldSymbol? HeldBy(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is IFieldSymbol { DeclaringSyntaxReferences.Length: 1 } field
                && (field.IsConst || field.IsReadOnly)
                && field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: not null })
            {
                return field;
            }
        }

        return null;
    }

    /// <summary><c>options.ClientSecret = …</c> on <c>GoogleOptions</c>: the provider's name.</summary>
    private static string? OptionsName(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        if (expression.Parent is not AssignmentExpressionSyntax { Left: var left } || left is not MemberAccessExpressionSyntax and not IdentifierNameSyntax)
        {
            return null;
        }

        var receiver = left is MemberAccessExpressionSyntax access
            ? model.GetTypeInfo(access.Expression, cancellationToken).Type
            : (model.GetSymbolInfo(left, cancellationToken).Symbol as IPropertySymbol)?.ContainingType;
        if (left.Parent?.Parent is InitializerExpressionSyntax initializer)
        {
            receiver = model.GetTypeInfo(initializer.Parent!, cancellationToken).Type ?? receiver;
        }

        var name = receiver?.Name;
        return name is { Length: > 7 } && name.EndsWith("Options", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 7) : null;
    }

    private static string? LastName(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };

    private static bool IsSpecific(string name)
    {
        var words = Words(name);
        return words.Count > 0 && !Generic.Contains(string.Concat(words).ToLowerInvariant());
    }

    /// <summary><c>_refreshTokenKey</c>, <c>REFRESH_TOKEN_KEY</c>, <c>refresh-token-key</c> → <c>RefreshTokenKey</c>.</summary>
    public static string Pascal(string name) =>
        string.Concat(Words(name).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1).ToLowerInvariant()));

    /// <summary><c>Jwt:PartnerWebhookVerifier:SigningKey</c> → <c>JWT_PARTNER_WEBHOOK_VERIFIER_SIGNING_KEY</c>.</summary>
    public static string UpperSnake(string name) => string.Join("_", Words(name).Select(w => w.ToUpperInvariant()));

    /// <summary>The words of an identifier or setting path, split at separators and case changes (acronyms kept).</summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            var boundary = current.Length > 0 && char.IsUpper(c)
                           && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary)
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();

        // m_key, s_key: a field prefix, not a word.
        if (words.Count > 1 && words[0] is "m" or "s")
        {
            words.RemoveAt(0);
        }

        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
