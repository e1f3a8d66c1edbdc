using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeAuth.Analyzers.Common;

/// <summary>
/// The project's own methods, followed one level: the bound body of a method declared in the compilation, the one
/// implementation of an interface method when the compilation has exactly one, and summaries of a body (which
/// parameters reach a sink, what the method returns) computed on first request and kept for the compilation.
/// Shared by every rule that follows a value into or out of a helper.
/// </summary>
internal sealed class ProjectMethods
{
    private static readonly ConditionalWeakTable<Compilation, ProjectMethods> Cache = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, IOperation?> _bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(string Kind, IMethodSymbol Method), object?> _summaries = new(SummaryKeyComparer.Instance);
    private readonly Lazy<ImmutableArray<INamedTypeSymbol>> _sourceTypes;

    private ProjectMethods(Compilation compilation)
    {
        _compilation = compilation;
        _sourceTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(CollectSourceTypes);
    }

    public static ProjectMethods For(Compilation compilation) => Cache.GetValue(compilation, static c => new ProjectMethods(c));

    /// <summary>
    /// The method a call runs when it is the project's own: the method itself when it has one declaration with a body
    /// here and cannot be overridden, the one implementation of an interface method declared here, otherwise null.
    /// </summary>
    public IMethodSymbol? Target(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        method = method.OriginalDefinition;
        if (method.ContainingType?.TypeKind == TypeKind.Interface)
        {
            return method.IsAbstract ? SingleImplementation(method) : null;
        }

        return method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern
               || method.DeclaringSyntaxReferences.Length != 1
               || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly)
            ? null
            : method;
    }

    /// <summary>The bound body of <paramref name="method"/> (a <see cref="Target"/>), or null.</summary>
    public IOperation? Body(IMethodSymbol method) => _bodies.GetOrAdd(method, Bind);

    /// <summary>
    /// The summary <paramref name="kind"/> of <paramref name="method"/>'s body, computed by <paramref name="compute"/>
    /// once per compilation; <paramref name="empty"/> for a method without a body here, or whose declaration
    /// <paramref name="mayMatter"/> rules out before anything is bound (a cheap look at its syntax).
    /// </summary>
    public T Summary<T>(string kind, IMethodSymbol method, Func<SyntaxNode, bool> mayMatter, Func<IOperation, T> compute, T empty)
    {
        var target = Target(method);
        if (target is null)
        {
            return empty;
        }

        var summary = _summaries.GetOrAdd((kind, target), key =>
            mayMatter(key.Method.DeclaringSyntaxReferences[0].GetSyntax()) && Body(key.Method) is { } body ? compute(body) : empty);
        return summary is T typed ? typed : empty;
    }

    /// <summary>Whether <paramref name="syntax"/> has an identifier token named one of <paramref name="names"/>.</summary>
    public static bool MentionsAny(SyntaxNode syntax, ImmutableHashSet<string> names)
    {
        foreach (var token in syntax.DescendantTokens())
        {
            if (token.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken && names.Contains(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private IOperation? Bind(IMethodSymbol method)
    {
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
        {
            return null;
        }

#pragma warning disable RS1030 // one helper body per compilation, bound only when a rule asks for its summary
        return _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax);
#pragma warning restore RS1030
    }

    private IMethodSymbol? SingleImplementation(IMethodSymbol interfaceMethod)
    {
        var type = interfaceMethod.ContainingType;
        if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly))
        {
            return null;
        }

        IMethodSymbol? found = null;
        foreach (var candidate in _sourceTypes.Value)
        {
            if (candidate.TypeKind != TypeKind.Class || candidate.IsAbstract || !candidate.AllInterfaces.Contains(type, SymbolEqualityComparer.Default))
            {
                continue;
            }

            if (found is not null || candidate.FindImplementationForInterfaceMember(interfaceMethod) is not IMethodSymbol implementation)
            {
                return null;
            }

            found = implementation;
        }

        return found is null ? null : Target(found);
    }

    private ImmutableArray<INamedTypeSymbol> CollectSourceTypes()
    {
        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(_compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    pending.Push(container);
                }

                if (member is INamedTypeSymbol named)
                {
                    types.Add(named);
                }
            }
        }

        return types.ToImmutable();
    }

    private sealed class SummaryKeyComparer : IEqualityComparer<(string Kind, IMethodSymbol Method)>
    {
        public static readonly SummaryKeyComparer Instance = new();

        public bool Equals((string Kind, IMethodSymbol Method) x, (string Kind, IMethodSymbol Method) y) =>
            string.Equals(x.Kind, y.Kind, StringComparison.Ordinal) && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((string Kind, IMethodSymbol Method) key) =>
            (StringComparer.Ordinal.GetHashCode(key.Kind) * 397) ^ SymbolEqualityComparer.Default.GetHashCode(key.Method);
    }
}
