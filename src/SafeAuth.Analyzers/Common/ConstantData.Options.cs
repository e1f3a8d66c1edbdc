using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeAuth.Analyzers.Common;

/// <summary>
/// Options classes bound from configuration (<c>Configure&lt;T&gt;(section)</c>, <c>AddOptions&lt;T&gt;().Bind(…)</c>
/// or <c>.BindConfiguration(…)</c>, <c>section.Get&lt;T&gt;()</c>, <c>section.Bind(new T())</c>): a settable property's
/// initializer is the value used whenever the setting is missing.
/// </summary>
internal sealed partial class ConstantDataTracker
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _boundTypes = new(SymbolEqualityComparer.Default);

    private ConstantOrigin? BoundDefault(IPropertySymbol property, int depth, HashSet<ISymbol> visited)
    {
        // The initializer first (most settable properties have none, or a value that is not data); the compilation-wide
        // search for a binding only for the few that hold hard-coded data.
        if (InitializerOperation(property) is not { } initializer || Find(initializer, depth + 1, visited) is not { } inner
            || !IsBoundFromConfiguration(property.ContainingType))
        {
            return null;
        }

        return new ConstantOrigin(
            $"the default of '{Name(property)}' (an options class bound from configuration uses it whenever the setting is missing{(inner.IsNamed ? ": " + inner.Description : string.Empty)})",
            isNamed: true,
            isOptionsDefault: true);
    }

    /// <summary>Whether the compilation binds <paramref name="type"/> from configuration; looked up once per type, only for a settable property that holds hard-coded data.</summary>
    private bool IsBoundFromConfiguration(INamedTypeSymbol type) => _boundTypes.GetOrAdd(type, FindBinding);

    private bool FindBinding(INamedTypeSymbol type)
    {
        var typeName = System.Collections.Immutable.ImmutableArray.Create(type.Name);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (!ProjectMethods.TextContainsAny(tree, typeName))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != type.Name || token.Parent is not IdentifierNameSyntax name
                    || BindingCall(name) is not { } call)
                {
                    continue;
                }

                model ??= SemanticModelFor(tree);
                if (model is not null && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, type) && IsBinder(model.GetSymbolInfo(call).Symbol))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The configuration binder's methods: <c>Configure&lt;T&gt;(IConfiguration)</c>, <c>OptionsBuilder.Bind</c>/<c>BindConfiguration</c>, <c>Get&lt;T&gt;</c>, <c>Bind</c>.</summary>
    private static bool IsBinder(ISymbol? method) =>
        method is IMethodSymbol { ContainingType.Name: "OptionsConfigurationServiceCollectionExtensions" or "OptionsBuilderConfigurationExtensions" or "ConfigurationBinder" } binder
        && binder.ContainingNamespace.ToDisplayString() is "Microsoft.Extensions.DependencyInjection" or "Microsoft.Extensions.Configuration";

    /// <summary>
    /// The call that may bind the type named by <paramref name="name"/>: the generic call it is the type argument of
    /// (<c>Configure&lt;T&gt;(…)</c>, <c>Get&lt;T&gt;()</c>, the <c>Bind</c>/<c>BindConfiguration</c> after <c>AddOptions&lt;T&gt;()</c>),
    /// or the <c>Bind</c> given <c>new T()</c> directly or through a local.
    /// </summary>
    private static InvocationExpressionSyntax? BindingCall(IdentifierNameSyntax name)
    {
        if (name.Parent is TypeArgumentListSyntax { Parent: GenericNameSyntax generic })
        {
            var call = Invocation(generic);
            return generic.Identifier.ValueText switch
            {
                "Configure" or "Get" => call,
                "AddOptions" => call?.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Bind" or "BindConfiguration" } next ? next.Parent as InvocationExpressionSyntax : null,
                _ => null,
            };
        }

        if (name.Parent is not ObjectCreationExpressionSyntax creation)
        {
            return null;
        }

        if (creation.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax direct } } && IsBindCall(direct))
        {
            return direct;
        }

        if (creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } && declarator.FirstAncestorOrSelf<BlockSyntax>() is { } block)
        {
            foreach (var node in block.DescendantNodes())
            {
                if (node is InvocationExpressionSyntax call && IsBindCall(call)
                    && call.ArgumentList.Arguments.Count == 1 && call.ArgumentList.Arguments[0].Expression is IdentifierNameSyntax argument
                    && argument.Identifier.ValueText == declarator.Identifier.ValueText)
                {
                    return call;
                }
            }
        }

        return null;
    }

    /// <summary>The invocation whose callee is <paramref name="generic"/> (<c>x.Configure&lt;T&gt;(…)</c> or <c>Configure&lt;T&gt;(…)</c>).</summary>
    private static InvocationExpressionSyntax? Invocation(GenericNameSyntax generic) => generic.Parent switch
    {
        MemberAccessExpressionSyntax access when access.Name == generic => access.Parent as InvocationExpressionSyntax,
        InvocationExpressionSyntax invocation when invocation.Expression == generic => invocation,
        _ => null,
    };

    private static bool IsBindCall(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Bind" };
}
