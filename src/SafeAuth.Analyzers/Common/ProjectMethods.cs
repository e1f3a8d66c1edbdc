using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    private readonly Lazy<ImmutableArray<INamedTypeSymbol>> _sourceTypes;
    private readonly Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>> _implementations;

    private ProjectMethods(Compilation compilation)
    {
        _compilation = compilation;
        _sourceTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(CollectSourceTypes);
        _implementations = new Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>>(CollectImplementations);
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
    public IOperation? Body(IMethodSymbol method) => _bodies.TryGetValue(method, out var body) ? body : _bodies.GetOrAdd(method, Bind(method));

    /// <summary>
    /// A table of one kind of summary for this compilation, computed by <paramref name="compute"/> on first request for
    /// each method called; <paramref name="empty"/> for a method without a body here, or whose declaration
    /// <paramref name="mayMatter"/> rules out before anything is bound (a cheap look at its syntax). A rule takes its
    /// table once at compilation start: each call is then one lookup by the called method.
    /// </summary>
    /// <remarks>
    /// <paramref name="words"/> come first: a method in a file whose text contains none of them is never looked at
    /// (the file's text is searched once per table, without building syntax nodes), so only the few files that can
    /// hold a sink or a read pay for the syntax look and the binding.
    /// </remarks>
    public SummaryTable<T> Summaries<T>(ImmutableArray<string> words, Func<SyntaxNode, bool> mayMatter, Func<IOperation, T> compute, T empty) =>
        new(this, words, mayMatter, compute, empty);

    [ThreadStatic]
    private static char[]? t_buffer;

    private static bool IndexOf(char[] buffer, int count, string word)
    {
        for (var i = Array.IndexOf(buffer, word[0], 0, count); i >= 0 && i + word.Length <= count; i = Array.IndexOf(buffer, word[0], i + 1, count - i - 1))
        {
            var j = 1;
            while (j < word.Length && buffer[i + j] == word[j])
            {
                j++;
            }

            if (j == word.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the text of <paramref name="tree"/> contains one of <paramref name="words"/> (ordinal).</summary>
    public static bool TextContainsAny(SyntaxTree tree, ImmutableArray<string> words)
    {
        if (words.IsEmpty)
        {
            return false;
        }

        var text = tree.GetText();
        var longest = 0;
        foreach (var word in words)
        {
            longest = Math.Max(longest, word.Length);
        }

        // Chunks overlap by the longest word, so a word across a chunk boundary is found; nothing is allocated per chunk.
        const int ChunkSize = 8192;
        var buffer = t_buffer is { } cached && cached.Length >= ChunkSize + longest ? cached : (t_buffer = new char[ChunkSize + longest]);
        for (var start = 0; start < text.Length; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize + longest, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            foreach (var word in words)
            {
                if (IndexOf(buffer, count, word))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="syntax"/> has an identifier token named one of <paramref name="names"/>.</summary>
    public static bool MentionsAny(SyntaxNode syntax, ImmutableHashSet<string> names)
    {
        if (names.IsEmpty)
        {
            return false;
        }

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
        if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly)
            || !_implementations.Value.TryGetValue(type.OriginalDefinition, out var classes) || classes.Count != 1)
        {
            return null;
        }

        return classes[0].FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation ? Target(implementation) : null;
    }

    /// <summary>
    /// The concrete classes of the project by each source interface they implement, built once on the first interface
    /// call followed: a lookup per call instead of a walk over every type.
    /// </summary>
    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> CollectImplementations()
    {
        var byInterface = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        foreach (var candidate in _sourceTypes.Value)
        {
            foreach (var definition in SourceInterfaces(candidate))
            {
                if (!byInterface.TryGetValue(definition, out var classes))
                {
                    byInterface.Add(definition, classes = new List<INamedTypeSymbol>(1));
                }

                classes.Add(candidate);
            }
        }

        return byInterface;
    }

    /// <summary>The interfaces declared in the project that a concrete class of it implements (none for other types).</summary>
    private IEnumerable<INamedTypeSymbol> SourceInterfaces(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract)
        {
            yield break;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (ReferenceEquals(implemented.ContainingAssembly, _compilation.Assembly))
            {
                yield return implemented.OriginalDefinition;
            }
        }
    }

    /// <summary>
    /// The project's interfaces that a concrete class declared in a file matching <paramref name="inFile"/> implements:
    /// a call through any other interface cannot reach a method such a file declares. Only those files' type
    /// declarations are looked at (a class with a base list), so the cost follows the few files that name a word.
    /// </summary>
    private HashSet<INamedTypeSymbol> InterfacesImplementedIn(Func<SyntaxTree, bool> inFile)
    {
        var found = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (!inFile(tree))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in tree.GetRoot().DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (node is TypeDeclarationSyntax { BaseList: not null } declaration and (ClassDeclarationSyntax or RecordDeclarationSyntax))
                {
#pragma warning disable RS1030 // the few files that name a summary's words, once per table
                    model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type)
                    {
                        found.UnionWith(SourceInterfaces(type));
                    }
                }
            }
        }

        return found;
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

    /// <summary>One kind of summary, by called method (the call's own symbol, so a hit costs no lookup of its target).</summary>
    internal sealed class SummaryTable<T>
    {
        private readonly ProjectMethods _methods;
        private readonly ImmutableArray<string> _words;
        private readonly ConcurrentDictionary<SyntaxTree, bool> _treeMentions = new();
        private readonly Func<SyntaxNode, bool> _mayMatter;
        private readonly Func<IOperation, T> _compute;
        private readonly T _empty;
        private readonly ConcurrentDictionary<IMethodSymbol, T> _byCall = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, T> _byTarget = new(SymbolEqualityComparer.Default);
        private readonly Lazy<HashSet<INamedTypeSymbol>> _interfaces;

        public SummaryTable(ProjectMethods methods, ImmutableArray<string> words, Func<SyntaxNode, bool> mayMatter, Func<IOperation, T> compute, T empty)
        {
            _methods = methods;
            _words = words;
            _mayMatter = mayMatter;
            _compute = compute;
            _empty = empty;
            _interfaces = new Lazy<HashSet<INamedTypeSymbol>>(() => _methods.InterfacesImplementedIn(MentionsAWord));
        }

        /// <summary>The summary of the method a call to <paramref name="method"/> runs.</summary>
        public T Get(IMethodSymbol method)
        {
            // Most calls go to the framework or a package (one reference comparison), or to a method in a file whose
            // text names nothing the summary looks for (one lookup by file): no lookup by method, nothing bound.
            if (!ReferenceEquals(method.ContainingAssembly, _methods._compilation.Assembly))
            {
                return _empty;
            }

            if (method.ContainingType is not { } type)
            {
                return _empty;
            }

            // An interface call goes on only when a class in a file that names a word implements the interface.
            if (type.TypeKind == TypeKind.Interface
                ? !_interfaces.Value.Contains(type.OriginalDefinition)
                : method.Locations.IsEmpty || method.Locations[0].SourceTree is not { } tree || !MentionsAWord(tree))
            {
                return _empty;
            }

            method = method.OriginalDefinition;
            if (_byCall.TryGetValue(method, out var summary))
            {
                return summary;
            }

            // Computed on a miss (by two threads at worst when they miss together: the first answer stays).
            var target = _methods.Target(method);
            if (target is null)
            {
                summary = _empty;
            }
            else if (!_byTarget.TryGetValue(target, out summary))
            {
                var reference = target.DeclaringSyntaxReferences[0];
                summary = MentionsAWord(reference.SyntaxTree) && _mayMatter(reference.GetSyntax()) && _methods.Body(target) is { } body ? _compute(body) : _empty;
                summary = _byTarget.GetOrAdd(target, summary);
            }

            return _byCall.GetOrAdd(method, summary);
        }

        private bool MentionsAWord(SyntaxTree tree)
        {
            if (!_treeMentions.TryGetValue(tree, out var mentions))
            {
                mentions = _treeMentions.GetOrAdd(tree, TextContainsAny(tree, _words));
            }

            return mentions;
        }
    }
}
