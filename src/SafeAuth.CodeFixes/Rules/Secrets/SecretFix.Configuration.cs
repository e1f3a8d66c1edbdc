using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
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

    private static readonly ConstructorInjection.Names ConfigurationNames = new("Configuration", "_configuration", "configuration");

    /// <summary>
    /// With no configuration in scope: an <c>IConfiguration</c> injected into the class, when the project builds a host
    /// (which registers <c>IConfiguration</c>) and the class is only created by dependency injection. A field initializer
    /// can read only a primary-constructor parameter; a component's <c>[Inject]</c> property is set after its
    /// constructor and initializers have run.
    /// </summary>
    private static async Task<ConstructorInjection?> PlanConfigurationInjectionAsync(Document document, SemanticModel model, ExpressionSyntax expression, WellKnownTypes types, CancellationToken cancellationToken)
    {
        if (types.Get(MetadataNames.IConfiguration) is not { } configurationType
            || await CompositionRoot.FindAsync(document.Project, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var injection = await ConstructorInjection.PlanAsync(document, model, expression, configurationType, ConfigurationNames, cancellationToken).ConfigureAwait(false);
        var inInitializer = IsInMemberInitializer(expression);
        return injection switch
        {
            null => null,
            { IsComponentProperty: true } when inInitializer || expression.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not null => null,
            { IsComponentProperty: false, PrimaryConstructor: false } when inInitializer => null,
            _ => injection,
        };
    }

    private static ExpressionSyntax? FromInjectedConfiguration(DocumentEditor editor, ExpressionSyntax current, ConstructorInjection injection, SecretSetting setting, bool isText, string? algorithm)
    {
        if (current.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } classSyntax)
        {
            return null;
        }

        injection.Apply(editor, classSyntax);
        return FromConfiguration(editor, current, IdentifierName(injection.AccessName), setting, isText, algorithm);
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
