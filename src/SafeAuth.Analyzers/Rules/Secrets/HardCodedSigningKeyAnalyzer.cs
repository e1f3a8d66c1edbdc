using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.Context;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Secrets;

/// <summary>
/// AUTH301: constant data written in the source reaches a signing or MAC key: <c>SymmetricSecurityKey</c>,
/// <c>HMACSHA256/384/512</c>, Jwt.Net and jose-jwt key arguments.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedSigningKeyAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.HardCodedSigningKey,
        title: "Hard-coded signing key",
        messageFormat: "'{0}' is given a signing key hard-coded in {1}; load the key from configuration, the environment or a key vault",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A signing key written in the source is in every copy of the code and its history, so anyone who reads it can forge tokens or MACs. Load keys from configuration, the environment or a key vault, and generate them with a cryptographic random number generator.");

    /// <summary>
    /// <see cref="FixProperties.Shape"/> of a key that is one element of a collection of keys: moving it would give every
    /// element the same setting, so no fix is offered.
    /// </summary>
    internal const string ElementShape = "Element";

    /// <summary>
    /// <see cref="FixProperties.Shape"/> of the default of a bound options property: the fix belongs in the options class
    /// (drop the default), not at the key, where a configuration read would bypass the binding; none is offered.
    /// </summary>
    internal const string OptionsDefaultShape = "OptionsDefault";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = SecretSymbols.Create(context.Compilation);
        var scope = AnalysisScope.For(context);
        if (!symbols.HasKeySinks || scope.IsSilent)
        {
            return;
        }

        var analysis = new Analysis(new SigningKeySinks(symbols), new ConstantDataTracker(context.Compilation, symbols), ProjectMethods.For(context.Compilation), scope);
        context.RegisterOperationAction(analysis.AnalyzeOperation, OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment);
    }

    private sealed class Analysis
    {
        [System.ThreadStatic]
        private static List<(IOperation Value, string Member)>? t_sinks;

        private readonly SigningKeySinks _sinks;
        private readonly ProjectMethods.SummaryTable<ImmutableArray<string?>> _keyParameters;
        private readonly ConstantDataTracker _tracker;
        private readonly AnalysisScope _scope;

        public Analysis(SigningKeySinks sinks, ConstantDataTracker tracker, ProjectMethods methods, AnalysisScope scope)
        {
            _sinks = sinks;
            _keyParameters = methods.Summaries(sinks.SinkWords, syntax => ProjectMethods.MentionsAny(syntax, sinks.SinkNames), KeyParameters, ImmutableArray<string?>.Empty);
            _tracker = tracker;
            _scope = scope;
        }

        public void AnalyzeOperation(OperationAnalysisContext context)
        {
            var sinks = t_sinks ??= new List<(IOperation Value, string Member)>();
            sinks.Clear();
            _sinks.Collect(context.Operation, sinks);
            foreach (var (value, member) in sinks)
            {
                Check(context, value, member);
            }

            if (sinks.Count == 0)
            {
                switch (context.Operation)
                {
                    case IInvocationOperation invocation:
                        CheckHelperCall(context, invocation.TargetMethod, invocation.Arguments);
                        break;
                    case IObjectCreationOperation { Constructor: { } constructor } creation:
                        CheckHelperCall(context, constructor, creation.Arguments);
                        break;
                }
            }

            sinks.Clear();
        }

        /// <summary>
        /// One level into the project's own code: a helper whose parameter reaches a key sink (its summary, computed
        /// once) is reported where a call hands it hard-coded data, naming the helper.
        /// </summary>
        private void CheckHelperCall(OperationAnalysisContext context, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
        {
            if (arguments.IsEmpty || !ReferenceEquals(method.ContainingAssembly, context.Compilation.Assembly) || !HasKeyShapedParameter(method))
            {
                return;
            }

            // The helper's summary first (one lookup by the called method): finding constant data in every argument of
            // every call would bind the initializers of every member handed to one.
            var keyParameters = _keyParameters.Get(method);
            if (keyParameters.IsEmpty)
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter
                    && parameter.Ordinal < keyParameters.Length && keyParameters[parameter.Ordinal] is not null
                    && _tracker.Find(argument.Value) is { } origin)
                {
                    var helper = method.MethodKind == MethodKind.Constructor ? "new " + method.ContainingType.Name
                        : method.ContainingType is { } type ? type.Name + "." + method.Name : method.Name;
                    Report(context, argument.Value, helper, origin);
                }
            }
        }

        /// <summary>For each parameter of the helper whose body is <paramref name="body"/>, the sink it reaches (or null).</summary>
        private ImmutableArray<string?> KeyParameters(IOperation body)
        {
            var sinks = new List<(IOperation Value, string Member)>();
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation.Kind is OperationKind.ObjectCreation or OperationKind.Invocation or OperationKind.SimpleAssignment)
                {
                    _sinks.Collect(operation, sinks);
                }
            }

            string?[]? reached = null;
            foreach (var (value, member) in sinks)
            {
                if (_tracker.FindParameter(value) is { ContainingSymbol: IMethodSymbol owner } parameter
                    && owner.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction))
                {
                    reached ??= new string?[owner.Parameters.Length];
                    reached[parameter.Ordinal] ??= member;
                }
            }

            return reached is null ? ImmutableArray<string?>.Empty : ImmutableArray.Create(reached);
        }

        private static bool HasKeyShapedParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (IsKeyShaped(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsKeyShaped(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_String || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte };

        private void Check(OperationAnalysisContext context, IOperation value, string member)
        {
            if (value.Syntax is not null && _tracker.Find(value) is { } origin)
            {
                Report(context, value, member, origin);
            }
        }

        private void Report(OperationAnalysisContext context, IOperation value, string member, ConstantOrigin origin)
        {
            var properties = origin.IsElement ? ImmutableDictionary<string, string?>.Empty.With(FixProperties.Shape, ElementShape)
                : origin.IsOptionsDefault ? ImmutableDictionary<string, string?>.Empty.With(FixProperties.Shape, OptionsDefaultShape)
                : ImmutableDictionary<string, string?>.Empty;
            _scope.Report(context, Diagnostic.Create(Rule, value.Syntax.GetLocation(), properties, member, origin.Description));
        }
    }
}
