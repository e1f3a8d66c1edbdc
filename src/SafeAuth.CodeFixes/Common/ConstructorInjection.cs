using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Common;

/// <summary>
/// Makes a service from dependency injection reachable where a fix needs it: an <c>[Inject]</c> property in a Razor
/// component, a primary-constructor parameter, or a <c>private readonly</c> field assigned from a new constructor
/// parameter. Planned only where adding the parameter cannot break a caller: nothing constructs the class with
/// <c>new</c>, nothing derives from it, and it has one constructor declared in the same file.
/// </summary>
internal sealed class ConstructorInjection
{
    private ConstructorInjection(string accessName, INamedTypeSymbol serviceType, INamedTypeSymbol? injectAttribute, IMethodSymbol? constructor, bool primaryConstructor)
    {
        AccessName = accessName;
        ServiceType = serviceType;
        InjectAttribute = injectAttribute;
        Constructor = constructor;
        PrimaryConstructor = primaryConstructor;
    }

    /// <summary>An <c>[Inject]</c> property of a component, set after construction (not readable in initializers).</summary>
    public bool IsComponentProperty => InjectAttribute is not null;

    /// <summary>The name the fixed code reads the service through: the property, the field or the primary-constructor parameter.</summary>
    public string AccessName { get; }

    public INamedTypeSymbol ServiceType { get; }

    /// <summary>Blazor's <c>[Inject]</c> for a component's property; null for a constructor parameter.</summary>
    public INamedTypeSymbol? InjectAttribute { get; }

    /// <summary>The one explicit constructor to extend, or null to add one.</summary>
    public IMethodSymbol? Constructor { get; }

    public bool PrimaryConstructor { get; }

    /// <summary>The names a plan gives the member: <c>TokenStore</c> / <c>_tokenStore</c> / <c>tokenStore</c>.</summary>
    public readonly struct Names
    {
        public Names(string property, string field, string parameter)
        {
            Property = property;
            Field = field;
            Parameter = parameter;
        }

        public string Property { get; }
        public string Field { get; }
        public string Parameter { get; }
    }

    /// <summary>How <paramref name="node"/> can reach <paramref name="serviceType"/>, or null when no safe injection exists.</summary>
    public static async Task<ConstructorInjection?> PlanAsync(
        Document document, SemanticModel model, SyntaxNode node, INamedTypeSymbol serviceType, Names names, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } classSyntax
            || model.GetDeclaredSymbol(classSyntax, cancellationToken) is not { IsStatic: false } type
            || model.GetEnclosingSymbol(node.SpanStart, cancellationToken) is not { } enclosing
            || IsInStaticContext(enclosing))
        {
            return null;
        }

        var types = WellKnownTypes.GetOrCreate(model.Compilation);
        var injectAttribute = types.Get(MetadataNames.InjectAttribute);
        if (injectAttribute is not null && type.ImplementsOrEquals(types.Get(MetadataNames.IComponent)))
        {
            return new ConstructorInjection(ScopeLookup.UniqueName(model, node, names.Property), serviceType, injectAttribute, null, primaryConstructor: false);
        }

        var constructors = type.InstanceConstructors;
        if (constructors.Length != 1 || type.IsAbstract || !await IsConstructedOnlyByInjectionAsync(document.Project.Solution, type, constructors[0], cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var constructor = constructors[0];
        if (classSyntax.ParameterList is not null)
        {
            var parameterName = ScopeLookup.UniqueName(model, node, names.Parameter);
            return new ConstructorInjection(parameterName, serviceType, null, constructor, primaryConstructor: true);
        }

        var fieldName = ScopeLookup.UniqueName(model, node, names.Field);
        if (!constructor.IsImplicitlyDeclared)
        {
            var parameterName = fieldName.TrimStart('_');
            var declaration = await constructor.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false) as ConstructorDeclarationSyntax;
            if (declaration is not { Initializer: null } || (declaration.Body is null && declaration.ExpressionBody is null)
                || declaration.SyntaxTree != classSyntax.SyntaxTree
                || declaration.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == parameterName))
            {
                return null;
            }
        }

        return new ConstructorInjection(fieldName, serviceType, null, constructor.IsImplicitlyDeclared ? null : constructor, primaryConstructor: false);
    }

    /// <summary>No <c>new</c> of the class (nor a <c>base(…)</c> call through it) anywhere in the solution, and no class derives from it.</summary>
    private static async Task<bool> IsConstructedOnlyByInjectionAsync(Solution solution, INamedTypeSymbol type, IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        var references = await SymbolFinder.FindReferencesAsync(constructor, solution, cancellationToken).ConfigureAwait(false);
        if (references.SelectMany(r => r.Locations).Any())
        {
            return false;
        }

        var derived = await SymbolFinder.FindDerivedClassesAsync(type, solution, transitive: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        return !derived.Any();
    }

    private static bool IsInStaticContext(ISymbol enclosing)
    {
        for (var symbol = enclosing; symbol is not null and not INamedTypeSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.IsStatic)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the property, the primary-constructor parameter, or the field with its constructor parameter and assignment.</summary>
    public void Apply(DocumentEditor editor, ClassDeclarationSyntax classSyntax)
    {
        var generator = editor.Generator;
        var serviceTypeSyntax = ((TypeSyntax)generator.TypeExpression(ServiceType))
            .WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);

        if (InjectAttribute is { } injectAttribute)
        {
            editor.InsertMembers(classSyntax, 0, new SyntaxNode[] { InjectedProperty(generator, serviceTypeSyntax, injectAttribute) });
            return;
        }

        if (PrimaryConstructor)
        {
            var parameter = Parameter(Identifier(AccessName)).WithType(serviceTypeSyntax);
            editor.ReplaceNode(classSyntax.ParameterList!, (current, _) =>
                ((ParameterListSyntax)current).AddParameters(parameter).WithAdditionalAnnotations(Formatter.Annotation));
            return;
        }

        var field = FieldDeclaration(VariableDeclaration(serviceTypeSyntax, SingletonSeparatedList(VariableDeclarator(AccessName))))
            .AddModifiers(Token(SyntaxKind.PrivateKeyword), Token(SyntaxKind.ReadOnlyKeyword))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var parameterName = AccessName.TrimStart('_');
        var assignment = ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression,
            IdentifierName(AccessName), IdentifierName(parameterName)));
        var newParameter = Parameter(Identifier(parameterName)).WithType(serviceTypeSyntax);

        if (Constructor?.DeclaringSyntaxReferences[0].GetSyntax() is ConstructorDeclarationSyntax existing)
        {
            editor.ReplaceNode(existing, (current, _) => WithParameter((ConstructorDeclarationSyntax)current, newParameter, assignment));
            editor.InsertMembers(classSyntax, 0, new SyntaxNode[] { field });
            return;
        }

        var newConstructor = ConstructorDeclaration(classSyntax.Identifier.WithoutTrivia())
            .AddModifiers(Token(SyntaxKind.PublicKeyword))
            .AddParameterListParameters(newParameter)
            .WithBody(Block(assignment))
            .WithAdditionalAnnotations(Formatter.Annotation);
        editor.InsertMembers(classSyntax, 0, new SyntaxNode[] { field, newConstructor });
    }

    /// <summary>A Blazor component's <c>[Inject] public IService Name { get; set; } = default!;</c>.</summary>
    private PropertyDeclarationSyntax InjectedProperty(SyntaxGenerator generator, TypeSyntax serviceTypeSyntax, INamedTypeSymbol injectAttribute)
    {
        var attributeName = ((NameSyntax)generator.TypeExpression(injectAttribute))
            .WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);
        return PropertyDeclaration(serviceTypeSyntax, Identifier(AccessName))
            .AddAttributeLists(AttributeList(SingletonSeparatedList(Attribute(attributeName))))
            .AddModifiers(Token(SyntaxKind.PublicKeyword))
            .AddAccessorListAccessors(
                AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(Token(SyntaxKind.SemicolonToken)),
                AccessorDeclaration(SyntaxKind.SetAccessorDeclaration).WithSemicolonToken(Token(SyntaxKind.SemicolonToken)))
            .WithInitializer(EqualsValueClause(PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, LiteralExpression(SyntaxKind.DefaultLiteralExpression, Token(SyntaxKind.DefaultKeyword)))))
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The constructor with the new parameter before any optional or params parameter, assigned first in its body.</summary>
    private static ConstructorDeclarationSyntax WithParameter(ConstructorDeclarationSyntax constructor, ParameterSyntax newParameter, StatementSyntax assignment)
    {
        var parameters = constructor.ParameterList.Parameters;
        var index = parameters.Count;
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Default is not null || parameters[i].Modifiers.Any(SyntaxKind.ParamsKeyword))
            {
                index = i;
                break;
            }
        }

        // `=> _js = js;` becomes a block holding both assignments.
        var body = constructor.Body ?? Block(ExpressionStatement(constructor.ExpressionBody!.Expression.WithoutTrivia()));
        return constructor
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithParameterList(constructor.ParameterList.WithParameters(parameters.Insert(index, newParameter)))
            .WithBody(body.WithStatements(body.Statements.Insert(0, assignment)))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
