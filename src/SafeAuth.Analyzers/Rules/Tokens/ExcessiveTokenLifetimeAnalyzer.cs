using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Options;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// AUTH203: a token's expiry is "now" plus a constant span beyond <c>safeauth.max_token_lifetime</c> (or
/// <c>MaxValue</c>), or <c>TokenValidationParameters.ClockSkew</c> is beyond <c>safeauth.max_clock_skew</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExcessiveTokenLifetimeAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.ExcessiveTokenLifetime,
        title: "Excessive token lifetime or clock skew",
        messageFormat: "'{0}' allows {1} of {2}, above the configured maximum of {3}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A token that lives for days, months or forever, or a clock skew that stretches every expiry by an hour, keeps stolen tokens usable long after they should have died. Keep lifetimes short and refresh instead; the limits are safeauth.max_token_lifetime and safeauth.max_clock_skew.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = ExpirySymbols.Create(start.Compilation);
            var scope = AnalysisScope.For(start);
            if (!symbols.HasIssuingLibrary || scope.IsSilent)
            {
                return;
            }

            start.RegisterOperationAction(context => AnalyzeAssignment(context, symbols, scope), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(context => AnalyzeCreation(context, symbols, scope), OperationKind.ObjectCreation);
            start.RegisterOperationAction(context => AnalyzeInvocation(context, symbols, scope), OperationKind.Invocation);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, ExpirySymbols symbols, AnalysisScope scope)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target)
        {
            return;
        }

        var type = target.Property.ContainingType;
        if (target.Property.Name == "Expires" && type.InheritsFromOrEquals(symbols.SecurityTokenDescriptor))
        {
            CheckExpiry(context, scope, assignment.Value, "SecurityTokenDescriptor.Expires");
        }
        else if (target.Property.Name == "ClockSkew" && type.InheritsFromOrEquals(symbols.TokenValidationParameters))
        {
            if (!ExpiryValues.TryGetSpan(assignment.Value, out var seconds))
            {
                return;
            }

            var max = SafeAuthOptionDefinitions.MaxClockSkew.Get(context.Options, assignment.Syntax.SyntaxTree);
            if (seconds > max.TotalSeconds)
            {
                Report(scope, context, assignment.Value.Syntax.GetLocation(), FixProperties.ClockSkewKind, max.TotalSeconds,
                    "TokenValidationParameters.ClockSkew", "a clock skew", ExpiryValues.Describe(seconds));
            }
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, ExpirySymbols symbols, AnalysisScope scope)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var type = creation.Type;
        if (type is null
            || !(SymbolEqualityComparer.Default.Equals(type, symbols.JwtSecurityToken) || SymbolEqualityComparer.Default.Equals(type, symbols.JwtPayload)))
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "expires" && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                CheckExpiry(context, scope, argument.Value, "new " + type.Name + "(expires)");
            }
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, ExpirySymbols symbols, AnalysisScope scope)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (symbols.JwtNetBuilderExtensions is null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.JwtNetBuilderExtensions))
        {
            if (method.Name == "AddClaim" && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.JwtNetBuilder)
                && invocation.Arguments.Length == 2 && ValueFlow.TryGetString(invocation.Arguments[0].Value, out var name) && name == "exp")
            {
                CheckExpiry(context, scope, invocation.Arguments[1].Value, "JwtBuilder.AddClaim(\"exp\")");
            }

            return;
        }

        switch (method.Name)
        {
            case "ExpirationTime" when invocation.Arguments.Length == 2:
                CheckExpiry(context, scope, invocation.Arguments[1].Value, "JwtBuilder.ExpirationTime");
                break;
            case "AddClaim" when invocation.Arguments.Length == 3 && IsExpClaimName(invocation.Arguments[1].Value, symbols):
                CheckExpiry(context, scope, invocation.Arguments[2].Value, "JwtBuilder.AddClaim(exp)");
                break;
        }
    }

    /// <summary><c>ClaimName.ExpirationTime</c> or the constant <c>"exp"</c>.</summary>
    internal static bool IsExpClaimName(IOperation name, ExpirySymbols symbols)
    {
        var value = name.WalkDownConversion();
        if (value is IFieldReferenceOperation { Field.Name: "ExpirationTime" } field
            && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, symbols.JwtNetClaimName))
        {
            return true;
        }

        return ValueFlow.TryGetString(value, out var text) && text == "exp";
    }

    private static void CheckExpiry(OperationAnalysisContext context, AnalysisScope scope, IOperation value, string member)
    {
        if (!ExpiryValues.TryGetExpiry(value, out var expiry))
        {
            return;
        }

        // Licence, invitation and other business tokens live as long as their terms; refresh tokens have their own limit.
        var purpose = TokenPurposes.Of(value.Syntax);
        if (purpose == TokenPurpose.Other)
        {
            return;
        }

        var refresh = purpose == TokenPurpose.Refresh;
        var max = (refresh ? SafeAuthOptionDefinitions.MaxRefreshTokenLifetime : SafeAuthOptionDefinitions.MaxTokenLifetime)
            .Get(context.Options, value.Syntax.SyntaxTree);
        if (expiry.Seconds <= max.TotalSeconds)
        {
            return;
        }

        var amount = expiry.IsMaxValue
            ? expiry.Expression.Type?.Name + ".MaxValue (never expires)"
            : ExpiryValues.Describe(expiry.Seconds);
        Report(scope, context, value.Syntax.GetLocation(), FixProperties.ExpiryKind, max.TotalSeconds, member, refresh ? "a refresh token lifetime" : "a token lifetime", amount);
    }

    private static void Report(AnalysisScope scope, OperationAnalysisContext context, Location location, string kind, double maxSeconds, string member, string what, string amount)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .With(FixProperties.Kind, kind)
            .With(FixProperties.MaxSeconds, (long)maxSeconds);
        scope.Report(context, Diagnostic.Create(Rule, location, properties, member, what, amount, ExpiryValues.Describe(maxSeconds)));
    }
}
