using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Rules.Secrets;

/// <summary>Finds the configuration a secret fix can read from.</summary>
internal static partial class SecretFix
{
    /// <summary>
    /// An <c>IConfiguration</c> local, parameter, field or property in scope, or something with a
    /// <c>Configuration</c> property of that type (<c>WebApplicationBuilder builder</c> → <c>builder.Configuration</c>).
    /// </summary>
    private static ExpressionSyntax? FindConfiguration(SemanticModel model, int position, WellKnownTypes types)
    {
        var configurationType = types.Get(MetadataNames.IConfiguration);
        if (configurationType is null)
        {
            return null;
        }

        var direct = ScopeLookup.Find(model, position, (_, type) => type.ImplementsOrEquals(configurationType));
        if (direct is not null)
        {
            return IdentifierName(direct.Name);
        }

        var holder = ScopeLookup.Find(model, position, (_, type) => ConfigurationProperty(type, configurationType) is not null);
        if (holder is null)
        {
            return null;
        }

        var holderType = holder switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        var configurationProperty = ConfigurationProperty(holderType, configurationType);
        return configurationProperty is null
            ? null
            : MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(holder.Name), IdentifierName(configurationProperty.Name));
    }

    private static IPropertySymbol? ConfigurationProperty(ITypeSymbol? type, INamedTypeSymbol configurationType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("Configuration"))
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property
                    && property.Type.ImplementsOrEquals(configurationType))
                {
                    return property;
                }
            }
        }

        if (type?.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in type.AllInterfaces.Concat(new[] { (INamedTypeSymbol)type }))
            {
                foreach (var member in implemented.GetMembers("Configuration"))
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property
                        && property.Type.ImplementsOrEquals(configurationType))
                    {
                        return property;
                    }
                }
            }
        }

        return null;
    }
}
