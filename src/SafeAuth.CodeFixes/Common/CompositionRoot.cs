using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace SafeAuth.CodeFixes.Common;

/// <summary>
/// A service registration a fix depends on (<c>AddStrictJwtValidation</c>, <c>AddInMemoryTokenStore</c>): the method
/// that shows it is already there, and the statements that add it to the composition root, given the builder's name.
/// </summary>
internal sealed class Registration
{
    public Registration(string key, ImmutableArray<string> presentWhenCalled, Func<string, ImmutableArray<StatementSyntax>> statements, string description, ImmutableArray<string> namespaces, string? settings = null)
    {
        Key = key;
        Settings = settings;
        Namespaces = namespaces;
        PresentWhenCalled = presentWhenCalled;
        Statements = statements;
        Description = description;
    }

    /// <summary>Identifies the registration: Fix All adds each once per project.</summary>
    public string Key { get; }

    /// <summary>Method names whose call anywhere in the project means the registration is made already.</summary>
    public ImmutableArray<string> PresentWhenCalled { get; }

    /// <summary>The statements for a builder named as given (<c>builder</c> → <c>builder.Services.Add…();</c>).</summary>
    public Func<string, ImmutableArray<StatementSyntax>> Statements { get; }

    /// <summary>What the user must set once the registration is made (<c>set Jwt:Issuer…</c>), or null.</summary>
    public string? Settings { get; }

    /// <summary>The namespaces of the extension methods the statements call.</summary>
    public ImmutableArray<string> Namespaces { get; }

    /// <summary>What the user reads in the fix title, e.g. <c>services.AddInMemoryTokenStore()</c>.</summary>
    public string Description { get; }
}

/// <summary>
/// The composition root of a project: the <c>var builder = WebApplication.CreateBuilder(args);</c> (or
/// <c>WebAssemblyHostBuilder.CreateDefault</c>, <c>Host.CreateApplicationBuilder</c>, …) whose <c>builder.Build()</c>
/// statement a registration goes in front of.
/// </summary>
internal sealed class CompositionRoot
{
    private CompositionRoot(DocumentId document, string builderName, int buildStatementStart)
    {
        Document = document;
        BuilderName = builderName;
        BuildStatementStart = buildStatementStart;
    }

    public DocumentId Document { get; }

    public string BuilderName { get; }

    private int BuildStatementStart { get; }

    /// <summary>Whether some document of <paramref name="project"/> calls one of the registration's methods.</summary>
    public static async Task<bool> IsRegisteredAsync(Project project, Registration registration, CancellationToken cancellationToken)
    {
        foreach (var document in project.Documents)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is not null && root.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => registration.PresentWhenCalled.Any(name => Calls(i, name))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The project's composition root, or null when it has none this can edit (a library, a hand-written host).</summary>
    public static async Task<CompositionRoot?> FindAsync(Project project, CancellationToken cancellationToken)
    {
        foreach (var document in project.Documents)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || !root.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => CalledName(i) == "Build"))
            {
                continue;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            foreach (var declarator in root.DescendantNodes().OfType<VariableDeclaratorSyntax>())
            {
                if (model?.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local && HasServices(local.Type)
                    && BuildStatement(declarator, local.Name) is { } build)
                {
                    return new CompositionRoot(document.Id, local.Name, build.SpanStart);
                }
            }
        }

        return null;
    }

    /// <summary>Adds <paramref name="registration"/> to <paramref name="projectId"/>'s composition root unless it is there.</summary>
    public static async Task<Solution> EnsureAsync(Solution solution, ProjectId projectId, Registration registration, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId);
        if (project is null || await IsRegisteredAsync(project, registration, cancellationToken).ConfigureAwait(false)
            || await FindAsync(project, cancellationToken).ConfigureAwait(false) is not { } compositionRoot)
        {
            return solution;
        }

        var document = project.GetDocument(compositionRoot.Document)!;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var build = root?.FindToken(compositionRoot.BuildStatementStart).Parent?.FirstAncestorOrSelf<StatementSyntax>();
        if (root is null || build is null)
        {
            return solution;
        }

        // Each statement on its own line, indented as the Build() statement, in the document's line ending.
        var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var lineEnd = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.EndOfLine("\n");
        var indentation = build.GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
        var statements = registration.Statements(compositionRoot.BuilderName)
            .Select(s => s.WithLeadingTrivia(indentation).WithTrailingTrivia(lineEnd)
                .WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation));
        var newRoot = build.Parent switch
        {
            BlockSyntax block => root.ReplaceNode(block, block.WithStatements(block.Statements.InsertRange(block.Statements.IndexOf(build), statements))),
            GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit => root.ReplaceNode(unit, unit.WithMembers(
                unit.Members.InsertRange(unit.Members.IndexOf(global), statements.Select(s => (MemberDeclarationSyntax)SyntaxFactory.GlobalStatement(s))))),
            _ => null,
        };
        return newRoot is CompilationUnitSyntax newUnit
            ? document.WithSyntaxRoot(WithUsings(newUnit, registration.Namespaces)).Project.Solution
            : solution;
    }

    private static CompilationUnitSyntax WithUsings(CompilationUnitSyntax unit, ImmutableArray<string> namespaces)
    {
        var present = unit.Usings.Select(u => u.Name?.ToString()).ToImmutableHashSet();
        var missing = namespaces.Where(n => !present.Contains(n)).ToArray();
        return missing.Length == 0
            ? unit
            : unit.AddUsings(missing.Select(n => SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(n)).WithAdditionalAnnotations(Formatter.Annotation)).ToArray());
    }

    private static StatementSyntax? BuildStatement(VariableDeclaratorSyntax declarator, string builderName)
    {
        var declaration = declarator.FirstAncestorOrSelf<StatementSyntax>();
        var scope = declaration?.Parent;
        if (scope is GlobalStatementSyntax global)
        {
            scope = global.Parent;
        }

        return scope?.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.SpanStart > declarator.Span.End && CalledName(i) == "Build"
                        && i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } && receiver.Identifier.ValueText == builderName)
            .Select(i => i.FirstAncestorOrSelf<StatementSyntax>())
            .FirstOrDefault(s => s?.Parent is BlockSyntax or GlobalStatementSyntax);
    }

    /// <summary>A builder: it has a <c>Services</c> property that is an <c>IServiceCollection</c>.</summary>
    private static bool HasServices(ITypeSymbol type) =>
        type.GetMembers("Services").OfType<IPropertySymbol>().Any(p => p.Type.Name == "IServiceCollection"
            && p.Type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.DependencyInjection");

    /// <summary>Whether <paramref name="invocation"/> calls <paramref name="name"/>: <c>Method</c>, or <c>Type.Method</c> on a receiver so named.</summary>
    private static bool Calls(InvocationExpressionSyntax invocation, string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return CalledName(invocation) == name;
        }

        return invocation.Expression is MemberAccessExpressionSyntax member && member.Name.Identifier.ValueText == name.Substring(dot + 1)
            && member.Expression switch
            {
                IdentifierNameSyntax receiver => receiver.Identifier.ValueText,
                MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText,
                _ => null,
            } == name.Substring(0, dot);
    }

    private static string CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => string.Empty,
    };
}
