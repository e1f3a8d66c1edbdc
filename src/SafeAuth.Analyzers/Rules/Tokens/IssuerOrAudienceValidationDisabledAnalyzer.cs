using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// AUTH103: <c>ValidateIssuer</c>/<c>ValidateAudience</c> set to false, or an <c>IssuerValidator</c>/<c>AudienceValidator</c>
/// that accepts everything, unless a real custom validator does the job.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IssuerOrAudienceValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.IssuerOrAudienceValidationDisabled,
        title: "Issuer or audience validation disabled",
        messageFormat: "{0} turns {1} validation off: {2}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "Without issuer and audience checks a validly signed token minted by another issuer, or for another application, is accepted. Keep ValidateIssuer and ValidateAudience on with ValidIssuer(s)/ValidAudience(s), or use a custom validator that really checks.");

    private static readonly string[] SharedKeyProviderMembers = { "Authority", "MetadataAddress", "ConfigurationManager", "IssuerSigningKeyResolver", "Configuration" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start => Register(start, Rule));
    }

    /// <summary>
    /// Registers the analysis for one of the two rules: <see cref="Rule"/> (AUTH103) reports the opt-outs that trust
    /// keys others hold, <see cref="SelfIssuedIssuerOrAudienceUncheckedAnalyzer.Rule"/> (AUTH108) those where the keys
    /// are the app's own.
    /// </summary>
    internal static void Register(CompilationStartAnalysisContext start, DiagnosticDescriptor rule)
    {
        var scope = AnalysisScope.For(start);
        var parameters = scope.Types.Get(MetadataNames.TokenValidationParameters);

        // A client app validating its own token (UI state) is not a server trusting input: the same reasoning as AUTH101.
        if (parameters is not null && !scope.IsSilent && !scope.IsClient)
        {
            var analysis = new Analysis(parameters, scope, rule);
            start.RegisterOperationAction(analysis.Analyze, OperationKind.SimpleAssignment);
        }
    }

    private sealed class Analysis
    {
        private readonly INamedTypeSymbol _parametersType;
        private readonly AnalysisScope _scope;
        private readonly DiagnosticDescriptor _rule;

        public Analysis(INamedTypeSymbol parametersType, AnalysisScope scope, DiagnosticDescriptor rule)
        {
            _parametersType = parametersType;
            _scope = scope;
            _rule = rule;
        }

        public void Analyze(OperationAnalysisContext context) => IssuerOrAudienceValidationDisabledAnalyzer.Analyze(context, _parametersType, this);

        public void Report(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, string what, string check, string consequence)
        {
            var selfIssued = IsSelfIssued(assignment);
            if (selfIssued == (_rule.Id == RuleIds.SelfIssuedIssuerOrAudienceUnchecked))
            {
                var properties = ImmutableDictionary<string, string?>.Empty
                    .With(FixProperties.HasExpectedValue, check == "issuer" ? IssuerIsKnown(assignment) : AudienceIsKnown(assignment));
                _scope.Report(context, Diagnostic.Create(_rule, assignment.Syntax.GetLocation(), properties, what, check, consequence));
            }
        }
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol parametersType, Analysis analysis)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        var property = PropertyAssignments.AssignedProperty(assignment);
        if (property is null || !property.ContainingType.InheritsFromOrEquals(parametersType))
        {
            return;
        }

        switch (property.Name)
        {
            case "ValidateIssuer" when ValueFlow.IsConstant(assignment.Value, false):
                if (!HasRealValidator(assignment, "IssuerValidator", IsAcceptAllIssuerValidator))
                {
                    analysis.Report(context, assignment, "ValidateIssuer = false", "issuer", IssuerConsequence(assignment));
                }

                break;

            case "ValidateAudience" when ValueFlow.IsConstant(assignment.Value, false):
                if (!HasRealValidator(assignment, "AudienceValidator", IsAcceptAllAudienceValidator))
                {
                    analysis.Report(context, assignment, "ValidateAudience = false", "audience", AudienceConsequence(assignment));
                }

                break;

            case "IssuerValidator" when IsAcceptAllIssuerValidator(assignment.Value):
                analysis.Report(context, assignment, "An IssuerValidator that accepts every issuer", "issuer", IssuerConsequence(assignment));
                break;

            case "AudienceValidator" when IsAcceptAllAudienceValidator(assignment.Value):
                analysis.Report(context, assignment, "An AudienceValidator that always returns true", "audience", AudienceConsequence(assignment));
                break;
        }
    }

    /// <summary>Multi-tenant apps switch the built-in check off and plug in their own: stay silent when that one really checks.</summary>
    private static bool HasRealValidator(ISimpleAssignmentOperation assignment, string validatorName, Func<IOperation, bool> acceptsAll)
    {
        foreach (var sibling in PropertyAssignments.Siblings(assignment))
        {
            if (PropertyAssignments.AssignedProperty(sibling)?.Name == validatorName
                && sibling.Value.WalkDownConversion() is not { ConstantValue: { HasValue: true, Value: null } }
                && !acceptsAll(sibling.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static string IssuerConsequence(ISimpleAssignmentOperation assignment) =>
        SetsSibling(assignment, "ValidIssuer", "ValidIssuers")
            ? "ValidIssuer/ValidIssuers is set but never checked, so tokens from any issuer the keys trust are accepted"
            : "tokens from any issuer the signing keys trust are accepted";

    private static string AudienceConsequence(ISimpleAssignmentOperation assignment)
    {
        var configured = SetsSibling(assignment, "ValidAudience", "ValidAudiences");
        var sharedKeys = UsesSharedKeyProvider(assignment);
        return (configured, sharedKeys) switch
        {
            (true, true) => "ValidAudience/ValidAudiences is set but never checked, and the keys come from a shared provider, so a token minted for any other application is accepted",
            (true, false) => "ValidAudience/ValidAudiences is set but never checked, so a token minted for another application is accepted",
            (false, true) => "the keys come from a shared provider, so a token minted for any other application is accepted",
            _ => "a token minted for another application is accepted",
        };
    }

    /// <summary>The default issuer check has something to compare with: ValidIssuer(s), or an Authority's metadata.</summary>
    private static bool IssuerIsKnown(ISimpleAssignmentOperation assignment) =>
        SetsSibling(assignment, "ValidIssuer", "ValidIssuers") || SetsAnywhere(assignment, "Authority", "MetadataAddress", "ConfigurationManager", "Configuration");

    /// <summary>The default audience check has something to compare with: ValidAudience(s), or JwtBearer's Audience.</summary>
    private static bool AudienceIsKnown(ISimpleAssignmentOperation assignment) =>
        SetsSibling(assignment, "ValidAudience", "ValidAudiences") || SetsAnywhere(assignment, "Audience");

    private static bool SetsAnywhere(IOperation anchor, params string[] names)
    {
        foreach (var operation in anchor.GetRoot().DescendantsAndSelf())
        {
            if (operation is ISimpleAssignmentOperation other && PropertyAssignments.AssignedProperty(other) is { } property
                && Array.IndexOf(names, property.Name) >= 0 && !(other.Value.WalkDownConversion().ConstantValue is { HasValue: true, Value: null }))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SetsSibling(ISimpleAssignmentOperation assignment, string first, string second)
    {
        foreach (var sibling in PropertyAssignments.Siblings(assignment))
        {
            var name = PropertyAssignments.AssignedProperty(sibling)?.Name;
            if ((name == first || name == second) && !(sibling.Value.WalkDownConversion().ConstantValue is { HasValue: true, Value: null }))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Keys from discovery/JWKS (<c>Authority</c>, <c>MetadataAddress</c>, a key resolver) are shared by every app of that provider.</summary>
    private static bool UsesSharedKeyProvider(IOperation anchor)
    {
        foreach (var operation in anchor.GetRoot().DescendantsAndSelf())
        {
            if (operation is ISimpleAssignmentOperation other
                && PropertyAssignments.AssignedProperty(other) is { } property
                && Array.IndexOf(SharedKeyProviderMembers, property.Name) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns its issuer argument (or a constant) on every path and never throws.</summary>
    private static bool IsAcceptAllIssuerValidator(IOperation value)
    {
        var body = DelegateBodies.Get(value);
        if (body is null || body.ReturnedValues.Count == 0 || body.Throws || body.Method.Parameters.Length == 0)
        {
            return false;
        }

        var issuer = body.Method.Parameters[0];
        foreach (var returned in body.ReturnedValues)
        {
            var isIssuer = returned is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, issuer);
            var isConstant = returned.ConstantValue is { HasValue: true, Value: string };
            var isTokenIssuer = returned is IPropertyReferenceOperation { Property.Name: "Issuer", Instance: IParameterReferenceOperation };
            if (!isIssuer && !isConstant && !isTokenIssuer)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns true on every path.</summary>
    private static bool IsAcceptAllAudienceValidator(IOperation value)
    {
        var body = DelegateBodies.Get(value);
        if (body is null || body.ReturnedValues.Count == 0 || body.Throws)
        {
            return false;
        }

        foreach (var returned in body.ReturnedValues)
        {
            if (!ValueFlow.IsConstant(returned, true))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The keys are the app's own: <c>IssuerSigningKey(s)</c> is a symmetric key set next to the opt-out (a secret only
    /// this app holds), and nothing fetches keys from a shared provider.
    /// </summary>
    private static bool IsSelfIssued(ISimpleAssignmentOperation assignment)
    {
        if (UsesSharedKeyProvider(assignment))
        {
            return false;
        }

        foreach (var sibling in PropertyAssignments.Siblings(assignment))
        {
            if (PropertyAssignments.AssignedProperty(sibling)?.Name is "IssuerSigningKey" or "IssuerSigningKeys"
                && IsSymmetricKey(sibling.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSymmetricKey(IOperation value)
    {
        var type = value.WalkDownConversion().Type;
        if (type is IArrayTypeSymbol array)
        {
            type = array.ElementType;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (current.Name == "SymmetricSecurityKey")
            {
                return true;
            }
        }

        // new[] { new SymmetricSecurityKey(...) }
        return value.WalkDownConversion() is IArrayCreationOperation { Initializer: { ElementValues: { Length: > 0 } elements } }
            && elements.All(IsSymmetricKey);
    }
}
