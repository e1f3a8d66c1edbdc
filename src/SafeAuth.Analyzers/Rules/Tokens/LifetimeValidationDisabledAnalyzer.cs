using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// AUTH202: <c>TokenValidationParameters</c> turn lifetime validation off (<c>ValidateLifetime = false</c>,
/// <c>RequireExpirationTime = false</c>, a <c>LifetimeValidator</c> that accepts everything). Silent in code that reads
/// an expired access token to refresh it, as long as signature validation stays on.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LifetimeValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.LifetimeValidationDisabled,
        title: "Lifetime validation disabled",
        messageFormat: "'{0}' {1}; remove it to keep the default lifetime validation",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "Turning off lifetime validation makes expired tokens, and tokens without an expiry, valid forever, so a stolen or leaked token never stops working. Keep ValidateLifetime and RequireExpirationTime on and do not replace the lifetime check with a delegate that accepts everything.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = ExpirySymbols.Create(start.Compilation);
            var scope = AnalysisScope.For(start);

            // A client app validating its own token (UI state) is not a server trusting input: the same reasoning as AUTH101.
            if (symbols.TokenValidationParameters is null || scope.IsSilent || scope.IsClient)
            {
                return;
            }

            start.RegisterOperationAction(context => Analyze(context, symbols, scope), OperationKind.SimpleAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, ExpirySymbols symbols, AnalysisScope scope)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target
            || !target.Property.ContainingType.InheritsFromOrEquals(symbols.TokenValidationParameters))
        {
            return;
        }

        var root = assignment.GetRoot();
        string effect;
        switch (target.Property.Name)
        {
            case "ValidateLifetime" when ValueFlow.IsConstantFalse(assignment.Value):
                effect = "accepts expired tokens";
                break;
            case "RequireExpirationTime" when ValueFlow.IsConstantFalse(assignment.Value):
                effect = "accepts tokens that never expire";
                break;
            case "LifetimeValidator" when AlwaysTrue(assignment.Value):
                effect = "accepts every token lifetime, expired or not";
                break;
            default:
                return;
        }

        if (IsRefreshOfExpiredToken(assignment, root, context.ContainingSymbol, symbols))
        {
            return;
        }

        scope.Report(context, Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), "TokenValidationParameters." + target.Property.Name, effect));
    }

    /// <summary>A delegate whose every path returns the constant <c>true</c>: lambda, anonymous method or method group.</summary>
    internal static bool AlwaysTrue(IOperation value)
    {
        var resolved = ValueFlow.Resolve(value);
        if (resolved is IDelegateCreationOperation creation)
        {
            resolved = creation.Target.WalkDownConversion();
        }

        switch (resolved)
        {
            case IAnonymousFunctionOperation lambda:
                return BodyReturnsTrue(lambda.Body);
            case IMethodReferenceOperation reference:
                foreach (var syntaxReference in reference.Method.DeclaringSyntaxReferences)
                {
                    var syntax = syntaxReference.GetSyntax();
                    switch (syntax)
                    {
                        case MethodDeclarationSyntax { ExpressionBody.Expression: { } expression }:
                            return IsTrueLiteral(expression);
                        case MethodDeclarationSyntax { Body: { } body }:
                            return body.Statements.Count == 1 && body.Statements[0] is ReturnStatementSyntax { Expression: { } returned } && IsTrueLiteral(returned);
                        case LocalFunctionStatementSyntax { ExpressionBody.Expression: { } localExpression }:
                            return IsTrueLiteral(localExpression);
                        case LocalFunctionStatementSyntax { Body: { } localBody }:
                            return localBody.Statements.Count == 1 && localBody.Statements[0] is ReturnStatementSyntax { Expression: { } localReturned } && IsTrueLiteral(localReturned);
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsTrueLiteral(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression is LiteralExpressionSyntax literal && literal.Token.Value is true;
    }

    /// <summary>
    /// Every return of the body itself (nested lambdas and local functions do not count) is the constant <c>true</c>, and
    /// the body does not throw. Statements besides the returns (logging, a counter) do not change the verdict.
    /// </summary>
    private static bool BodyReturnsTrue(IBlockOperation body)
    {
        var returns = 0;
        foreach (var operation in DelegateBodies.OwnOperations(body))
        {
            switch (operation)
            {
                case IThrowOperation:
                case IReturnOperation { ReturnedValue: null }:
                    return false;
                case IReturnOperation @return when !@return.ReturnedValue!.IsConstant(true):
                    return false;
                case IReturnOperation:
                    returns++;
                    break;
            }
        }

        return returns > 0;
    }

    /// <summary>
    /// The refresh-token exchange: an expired access token is read back, with its signature still checked, to learn
    /// whom a refresh token belongs to. Recognised when the code is not the bearer handler's configuration, signature
    /// validation is not disabled in the same member, and the member, an enclosing local function or type is named
    /// for refreshing or expired tokens, or the member works with something named like a refresh token.
    /// </summary>
    private static bool IsRefreshOfExpiredToken(IOperation assignment, IOperation root, ISymbol containingSymbol, ExpirySymbols symbols)
    {
        if (InBearerOptionsLambda(assignment, symbols))
        {
            return false;
        }

        if (containingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } or IFieldSymbol or IPropertySymbol)
        {
            // Shared parameters built once for the whole app are not a refresh exchange.
            return false;
        }

        var named = NamesRefresh(containingSymbol.Name);
        for (var type = containingSymbol.ContainingType; !named && type is not null; type = type.ContainingType)
        {
            named = NamesRefresh(type.Name);
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } other
                    when property.Property.ContainingType.InheritsFromOrEquals(symbols.TokenValidationParameters):
                    if ((property.Property.Name == "RequireSignedTokens" && ValueFlow.IsConstantFalse(other.Value))
                        || (property.Property.Name == "SignatureValidator" && !ValueFlow.IsConstantNull(other.Value)))
                    {
                        return false;
                    }

                    break;
                case ILocalFunctionOperation localFunction when !named && localFunction.Syntax.Span.Contains(assignment.Syntax.Span):
                    named = NamesRefresh(localFunction.Symbol.Name);
                    break;
                case ILocalReferenceOperation local when !named:
                    named = local.Local.Name.IndexOf("refresh", StringComparison.OrdinalIgnoreCase) >= 0;
                    break;
                case IParameterReferenceOperation parameter when !named:
                    named = parameter.Parameter.Name.IndexOf("refresh", StringComparison.OrdinalIgnoreCase) >= 0;
                    break;
                case IPropertyReferenceOperation reference when !named:
                    named = reference.Property.Name.IndexOf("RefreshToken", StringComparison.OrdinalIgnoreCase) >= 0;
                    break;
            }
        }

        if (!named && containingSymbol is IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                named |= parameter.Name.IndexOf("refresh", StringComparison.OrdinalIgnoreCase) >= 0;
            }
        }

        return named;
    }

    /// <summary>Inside a lambda that takes <c>JwtBearerOptions</c>: the bearer handler's own configuration.</summary>
    private static bool InBearerOptionsLambda(IOperation assignment, ExpirySymbols symbols)
    {
        for (var current = assignment.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                foreach (var parameter in lambda.Symbol.Parameters)
                {
                    if (parameter.Type.InheritsFromOrEquals(symbols.JwtBearerOptions))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool NamesRefresh(string name) =>
        name.IndexOf("Refresh", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Expired", StringComparison.OrdinalIgnoreCase) >= 0;
}
