using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// AUTH102: token validation is told to skip the signature: <c>RequireSignedTokens = false</c>, a
/// <c>SignatureValidator</c> that only parses, <c>"none"</c> among the valid algorithms, or Jwt.Net told not to verify.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SignatureValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    internal const string RequireSignedTokensShape = "RequireSignedTokens";
    internal const string SignatureValidatorShape = "SignatureValidator";
    internal const string NoneAlgorithmShape = "NoneAlgorithm";
    internal const string JwtNetShape = "JwtNet";

    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.SignatureValidationDisabled,
        title: "Signature validation disabled",
        messageFormat: "{0} switches signature validation off: {1}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A token whose signature is not checked can be forged by anyone. Keep RequireSignedTokens on, let IdentityModel validate signatures instead of a custom SignatureValidator that only parses, never accept the 'none' algorithm, and let Jwt.Net verify.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var tokens = TokenSymbols.Create(context.Compilation);
        var scope = AnalysisScope.For(context);

        // A client app validating its own token (UI state) is not a server trusting input: the same reasoning as AUTH101.
        if (scope.IsSilent || scope.IsClient)
        {
            return;
        }

        if (tokens.TokenValidationParameters is not null)
        {
            var parameters = tokens.TokenValidationParameters;
            context.RegisterOperationAction(c => AnalyzeAssignment(c, parameters, tokens, scope), OperationKind.SimpleAssignment);
        }

        if (tokens.JwtNetBuilder is not null)
        {
            var auth101 = JwtReadWithoutValidationAnalyzer.CreateAnalysis(context.Compilation, context.Options);
            context.RegisterOperationAction(c => AnalyzeJwtNet(c, tokens, auth101, scope), OperationKind.Invocation);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol parametersType, TokenSymbols tokens, AnalysisScope scope)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        var property = PropertyAssignments.AssignedProperty(assignment);
        if (property is null || !property.ContainingType.InheritsFromOrEquals(parametersType))
        {
            return;
        }

        switch (property.Name)
        {
            case "RequireSignedTokens" when ValueFlow.IsConstant(assignment.Value, false):
                Report(scope, context, assignment.Syntax.GetLocation(), RequireSignedTokensShape,
                    "RequireSignedTokens = false", "unsigned tokens (alg 'none') are accepted");
                break;

            case "SignatureValidator" when ParsesWithoutValidating(assignment.Value, tokens):
                Report(scope, context, assignment.Syntax.GetLocation(), SignatureValidatorShape,
                    "SignatureValidator", "the delegate returns the parsed token without checking its signature");
                break;

            case "ValidAlgorithms":
                foreach (var none in NoneAlgorithms(assignment.Value))
                {
                    Report(scope, context, none.Syntax.GetLocation(), NoneAlgorithmShape,
                        "ValidAlgorithms", "it lists the 'none' algorithm");
                }

                break;
        }
    }

    /// <summary>Each operand of <paramref name="value"/> whose constant is "none" in any casing, through locals.</summary>
    private static ImmutableArray<IOperation> NoneAlgorithms(IOperation value)
    {
        var builder = ImmutableArray.CreateBuilder<IOperation>();
        Collect(value.WalkDownConversion(), builder, 0);
        return builder.ToImmutable();

        static void Collect(IOperation operation, ImmutableArray<IOperation>.Builder found, int depth)
        {
            if (depth > 3)
            {
                return;
            }

            foreach (var node in operation.DescendantsAndSelf())
            {
                if (node is IAnonymousFunctionOperation)
                {
                    continue;
                }

                if (node.Type?.SpecialType == SpecialType.System_String
                    && node.ConstantValue is { HasValue: true, Value: string text }
                    && string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase)
                    && node.Parent is not IConversionOperation { ConstantValue.HasValue: true })
                {
                    found.Add(node);
                }
                else if (node is ILocalReferenceOperation local && node == operation
                         && ValueFlow.SingleValue(local.Local, local) is { } held)
                {
                    Collect(held.WalkDownConversion(), found, depth + 1);
                }
            }
        }
    }

    /// <summary>A signature validator that hands back the token it only parsed, without any verification call.</summary>
    private static bool ParsesWithoutValidating(IOperation value, TokenSymbols tokens)
    {
        var body = DelegateBodies.Get(value);
        if (body is null || body.ReturnedValues.Count == 0)
        {
            return false;
        }

        foreach (var operation in body.Descendants())
        {
            if (operation is IInvocationOperation invocation && IsVerification(invocation.TargetMethod.Name))
            {
                return false;
            }
        }

        foreach (var returned in body.ReturnedValues)
        {
            if (!IsParse(returned, tokens))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVerification(string name) =>
        name.StartsWith("Verify", StringComparison.Ordinal)
        || name.StartsWith("Validate", StringComparison.Ordinal)
        || name.IndexOf("Signature", StringComparison.Ordinal) >= 0;

    private static bool IsParse(IOperation returned, TokenSymbols tokens)
    {
        switch (returned.WalkDownConversion())
        {
            case IObjectCreationOperation creation:
                return SymbolEqualityComparer.Default.Equals(creation.Type, tokens.JwtSecurityToken)
                       || SymbolEqualityComparer.Default.Equals(creation.Type, tokens.JsonWebToken);
            case IInvocationOperation invocation:
                return invocation.TargetMethod.Name is "ReadToken" or "ReadJwtToken" or "ReadJsonWebToken";
            case ILocalReferenceOperation local when ValueFlow.SingleValue(local.Local, local) is { } held:
                return IsParse(held, tokens);
            default:
                return false;
        }
    }

    private static void AnalyzeJwtNet(OperationAnalysisContext context, TokenSymbols tokens, JwtReadWithoutValidationAnalyzer.Analysis? auth101, AnalysisScope scope)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, tokens.JwtNetBuilder))
        {
            return;
        }

        var optsOut = method.Name == "DoNotVerifySignature"
                      || (method.Name == "WithVerifySignature" && invocation.Arguments.Length == 1
                          && ValueFlow.IsConstant(invocation.Arguments[0].Value, false));
        if (!optsOut)
        {
            return;
        }

        // One finding per misuse: where AUTH101 reports the Decode that follows, it carries the finding.
        if (auth101 is not null && FollowingDecode(invocation) is { } decode && auth101.IsReported(decode, context.ContainingSymbol))
        {
            return;
        }

        var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax
            ? Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, syntax.Span.End))
            : invocation.Syntax.GetLocation();
        Report(scope, context, location, JwtNetShape, "JwtBuilder." + method.Name, "Decode accepts forged tokens");
    }

    /// <summary>The <c>Decode</c> call the builder configured by <paramref name="call"/> ends in, in a fluent chain or through its local.</summary>
    private static IInvocationOperation? FollowingDecode(IInvocationOperation call)
    {
        IOperation current = call;
        while (current.Parent is IInvocationOperation next && next.Instance == current)
        {
            if (next.TargetMethod.Name == "Decode")
            {
                return next;
            }

            current = next;
        }

        var receiver = call.Instance?.WalkDownConversion() as ILocalReferenceOperation;
        if (current.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            return FindDecodeOn(call, declarator.Symbol);
        }

        return receiver is not null ? FindDecodeOn(call, receiver.Local) : null;
    }

    private static IInvocationOperation? FindDecodeOn(IOperation anchor, ILocalSymbol local)
    {
        foreach (var operation in anchor.GetRoot().DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "Decode" } decode
                && decode.Instance?.WalkDownConversion() is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return decode;
            }
        }

        return null;
    }

    private static void Report(AnalysisScope scope, OperationAnalysisContext context, Location location, string shape, string member, string consequence) =>
        scope.Report(context, Diagnostic.Create(
            Rule,
            location,
            ImmutableDictionary<string, string?>.Empty.With(FixProperties.Shape, shape),
            member,
            consequence));
}
