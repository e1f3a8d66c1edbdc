using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Benchmarks;

/// <summary>Bytes allocated and time spent inside one analyzer's callbacks, with its compilation-start actions apart.</summary>
internal sealed class AllocationMeter
{
    private long _bytes;
    private long _startBytes;
    private long _startTicks;

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Of <see cref="Bytes"/>, what the compilation-start actions allocated (type lookups and set-up).</summary>
    public long StartBytes => Interlocked.Read(ref _startBytes);

    /// <summary>Time spent in the compilation-start actions.</summary>
    public double StartMs => Interlocked.Read(ref _startTicks) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    /// <summary>Set when the analyzer registered a symbol-start, operation-block-start or code-block-start action:
    /// the start callback is metered, the actions it registers on the nested context are not.</summary>
    public bool Partial { get; set; }

    public Action<T> Wrap<T>(Action<T> action) => context =>
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            action(context);
        }
        finally
        {
            Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    };

    /// <summary>Like <see cref="Wrap{T}"/>, also counting into the compilation-start figures (nested callbacks
    /// registered meanwhile are metered on their own when they run later).</summary>
    public Action<T> WrapStart<T>(Action<T> action) => context =>
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            action(context);
        }
        finally
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Interlocked.Add(ref _startTicks, System.Diagnostics.Stopwatch.GetTimestamp() - start);
            Interlocked.Add(ref _startBytes, bytes);
            Interlocked.Add(ref _bytes, bytes);
        }
    };
}

/// <summary>
/// Runs another analyzer and counts the managed bytes its callbacks allocate on the thread that runs them
/// (<c>GC.GetAllocatedBytesForCurrentThread</c> before and after each callback). The driver's own work, binding and
/// building IOperation trees, is not counted: it happens outside the callbacks.
/// </summary>
#pragma warning disable RS1001 // never registered with a host: the benchmark hands it to CompilationWithAnalyzers
internal sealed class MeteredAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    public MeteredAnalyzer(DiagnosticAnalyzer inner)
    {
        Inner = inner;
    }

    public DiagnosticAnalyzer Inner { get; }

    public AllocationMeter Meter { get; } = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

#pragma warning disable RS1025, RS1026 // a transparent wrapper: the inner analyzer makes these calls itself
    public override void Initialize(AnalysisContext context) => Inner.Initialize(new Context(context, Meter));
#pragma warning restore RS1025, RS1026

    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext _inner;
        private readonly AllocationMeter _meter;

        public Context(AnalysisContext inner, AllocationMeter meter)
        {
            _inner = inner;
            _meter = meter;
        }

        public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _inner.RegisterCompilationStartAction(_meter.WrapStart<CompilationStartAnalysisContext>(start => action(new StartContext(start, _meter))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationAction(_meter.Wrap(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_meter.Wrap(action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_meter.Wrap(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_meter.Wrap(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            _inner.RegisterSymbolAction(_meter.Wrap(action), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
        {
            _meter.Partial = true;
            _inner.RegisterSymbolStartAction(_meter.Wrap(action), symbolKind);
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
            _meter.Partial = true;
            _inner.RegisterCodeBlockStartAction(_meter.Wrap(action));
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_meter.Wrap(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(_meter.Wrap(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _inner.RegisterOperationAction(_meter.Wrap(action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        {
            _meter.Partial = true;
            _inner.RegisterOperationBlockStartAction(_meter.Wrap(action));
        }

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_meter.Wrap(action));
    }

    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly AllocationMeter _meter;

#pragma warning disable RS1012 // registrations go through to the wrapped context
        public StartContext(CompilationStartAnalysisContext inner, AllocationMeter meter)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _meter = meter;
        }
#pragma warning restore RS1012

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(_meter.Wrap(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_meter.Wrap(action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_meter.Wrap(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_meter.Wrap(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            _inner.RegisterSymbolAction(_meter.Wrap(action), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
        {
            _meter.Partial = true;
            _inner.RegisterSymbolStartAction(_meter.Wrap(action), symbolKind);
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
            _meter.Partial = true;
            _inner.RegisterCodeBlockStartAction(_meter.Wrap(action));
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_meter.Wrap(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(_meter.Wrap(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _inner.RegisterOperationAction(_meter.Wrap(action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        {
            _meter.Partial = true;
            _inner.RegisterOperationBlockStartAction(_meter.Wrap(action));
        }

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_meter.Wrap(action));

    }
}
