using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SafeAuth.Analyzers.Options;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// AUTH101: a JWT is read without validating its signature, and a server then trusts its claims:
/// they build a principal, or decide something while a request is handled.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JwtReadWithoutValidationAnalyzer : DiagnosticAnalyzer
{
    internal const string SourceKindProperty = "SourceKind";

    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.JwtReadWithoutValidation,
        title: "JWT claims trusted without signature validation",
        messageFormat: "'{0}' reads the token without validating its signature, yet {1}; validate the token before trusting its claims",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "Reading a JWT only parses it: anyone can forge its claims. Code that builds a principal from those claims, or decides access on them while handling a request, must validate the signature, issuer, audience and lifetime first.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var analysis = CreateAnalysis(context.Compilation, context.Options);
        if (analysis is null)
        {
            return;
        }

        context.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);

        // `new JwtSecurityToken(string)` / `new JsonWebToken(string)`: only where IdentityModel is referenced.
        if (analysis.WatchesTokenConstructors)
        {
            context.RegisterOperationAction(analysis.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        }
    }

    /// <summary>
    /// The AUTH101 analysis for a compilation, or <c>null</c> where the rule does not apply (a client app, a test project,
    /// no JWT library and no request pipeline). Other rules use it to avoid reporting a misuse AUTH101 already reports.
    /// </summary>
    internal static Analysis? CreateAnalysis(Compilation compilation, AnalyzerOptions options)
    {
        var tokens = TokenSymbols.Create(compilation);
        var kind = ProjectKindDetector.Detect(tokens.Types, options);

        // A client reads its own token (UI state, refresh timing): that is not a server trusting input.
        if (kind.IsClient())
        {
            return null;
        }

        if ((kind & ProjectKind.TestProject) != 0 && !SafeAuthOptionKeys.AnalyzeTestProjectsEnabled(options))
        {
            return null;
        }

        var aspNet = AspNetSymbols.Create(tokens.Types);

        // Hand-rolled decoding is only watched where there is a request to trust it in, or a JWT library in use.
        if (!tokens.HasAnyJwtLibrary && aspNet.HttpContext is null)
        {
            return null;
        }

        return new Analysis(tokens, aspNet);
    }

    /// <summary>What a source of unverified token data produces.</summary>
    internal enum SourceKind
    {
        /// <summary>An IdentityModel token object (<c>JwtSecurityToken</c>, <c>JsonWebToken</c>, <c>SecurityToken</c>).</summary>
        TokenObject,
        /// <summary>The payload itself (JSON text, a dictionary or a deserialized object).</summary>
        Payload,
    }

    internal sealed class Analysis
    {
        private static readonly ImmutableHashSet<string> NonClaimMembers = ImmutableHashSet.Create(
            System.StringComparer.Ordinal,
            // header: reading it (kid, alg) to choose a key is part of validating
            "Header", "Kid", "Alg", "Typ", "Cty", "X5t", "Zip", "SignatureAlgorithm", "EncodedHeader", "RawHeader",
            "GetHeaderValue", "TryGetHeaderValue", "Enc", "RawEncryptedKey",
            // times: a client or a cache checking expiry decides nothing about identity
            "ValidTo", "ValidFrom", "IssuedAt", "ValidToDate", "ValidFromDate",
            // the raw text, to hand to a validator
            "RawData", "EncodedToken", "UnsafeToString", "ToString", "GetType", "GetHashCode");

        private readonly TokenSymbols _tokens;
        private readonly AspNetSymbols _aspNet;

        public Analysis(TokenSymbols tokens, AspNetSymbols aspNet)
        {
            _tokens = tokens;
            _aspNet = aspNet;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (TryGetInvocationSource(invocation, out var kind, out var member))
            {
                AnalyzeSource(context, invocation, kind, member, ReportLocation(invocation));
            }
        }

        public bool WatchesTokenConstructors => _tokens.JwtSecurityToken is not null || _tokens.JsonWebToken is not null;

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var constructor = creation.Constructor;
            if (constructor is null || constructor.Parameters.Length != 1
                || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String)
            {
                return;
            }

            var type = constructor.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(type, _tokens.JwtSecurityToken)
                || SymbolEqualityComparer.Default.Equals(type, _tokens.JsonWebToken))
            {
                AnalyzeSource(context, creation, SourceKind.TokenObject, "new " + type.Name + "(string)", creation.Syntax.GetLocation());
            }
        }

        private bool TryGetInvocationSource(IInvocationOperation invocation, out SourceKind kind, out string member)
        {
            kind = SourceKind.TokenObject;
            member = string.Empty;
            var method = invocation.TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return false;
            }

            switch (method.Name)
            {
                case "ReadJwtToken" or "ReadJsonWebToken" or "ReadToken" when _tokens.HasIdentityModel:
                    if (method.Parameters.Length != 1 || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
                    {
                        return false;
                    }

                    var receiverType = invocation.Instance?.Type;
                    if (IsTokenHandler(type) || IsTokenHandler(receiverType))
                    {
                        var handlerName = IsTokenHandler(receiverType) && receiverType is not null ? receiverType.Name : type.Name;
                        member = handlerName + "." + method.Name;
                        return true;
                    }

                    return false;

                case "Decode" when SymbolEqualityComparer.Default.Equals(type, _tokens.JwtNetBuilder):
                    kind = SourceKind.Payload;
                    member = type.Name + "." + method.Name;
                    return !JwtNetBuilderVerifies(invocation);

                case "Decode" or "DecodeToObject"
                    when SymbolEqualityComparer.Default.Equals(type, _tokens.JwtNetDecoderExtensions)
                         || type.ImplementsOrEquals(_tokens.JwtNetIDecoder):
                    kind = SourceKind.Payload;
                    member = "IJwtDecoder." + method.Name;
                    var verify = invocation.GetArgument("verify");
                    return verify is null
                        ? !method.HasParameter("verify")
                        : verify.IsConstant(false);

                case "Payload" or "PayloadBytes" when SymbolEqualityComparer.Default.Equals(type, _tokens.JoseJwt):
                    kind = SourceKind.Payload;
                    member = "JWT." + method.Name;
                    return true;

                case "Decode" or "DecodeBytes" when SymbolEqualityComparer.Default.Equals(type, _tokens.JoseJwt):
                    kind = SourceKind.Payload;
                    member = "JWT." + method.Name;
                    var key = invocation.GetArgument("key");
                    return key is null || key.WalkDownConversion().ConstantValue is { HasValue: true, Value: null };

                default:
                    if (HandRolledDecoding.IsJsonParse(method) && invocation.Arguments.Length > 0
                        && HandRolledDecoding.ComesFromJwtPayloadSegment(invocation.Arguments[0].Value))
                    {
                        kind = SourceKind.Payload;
                        member = "Split('.') + base64 decode + " + type.Name + "." + method.Name;
                        return true;
                    }

                    return false;
            }
        }

        private bool IsTokenHandler(ITypeSymbol? type) =>
            type.InheritsFromOrEquals(_tokens.JwtSecurityTokenHandler)
            || type.InheritsFromOrEquals(_tokens.JsonWebTokenHandler)
            || type.InheritsFromOrEquals(_tokens.TokenHandler);

        /// <summary>Whether a Jwt.Net builder chain ends up verifying the signature before <c>Decode</c>.</summary>
        private bool JwtNetBuilderVerifies(IInvocationOperation decode)
        {
            var verifies = _tokens.JwtNetBuilderVerifiesByDefault;
            foreach (var call in JwtNetBuilderCalls(decode))
            {
                switch (call.TargetMethod.Name)
                {
                    case "MustVerifySignature":
                        return true;
                    case "DoNotVerifySignature":
                        return false;
                    case "WithVerifySignature" when call.Arguments.Length == 1:
                        if (call.Arguments[0].Value.IsConstant(false))
                        {
                            return false;
                        }

                        if (call.Arguments[0].Value.IsConstant(true))
                        {
                            return true;
                        }

                        // Not a constant: the author chose at run time; do not guess.
                        return true;
                    case "WithValidationParameters":
                        return true;
                }
            }

            return verifies;
        }

        /// <summary>
        /// The calls made on the builder before <paramref name="decode"/>, nearest first: the fluent chain, then
        /// (for a builder held in a local) the calls made on that local and its initializer.
        /// </summary>
        private static IEnumerable<IInvocationOperation> JwtNetBuilderCalls(IInvocationOperation decode)
        {
            var receiver = decode.Instance?.WalkDownConversion();
            var depth = 0;
            while (receiver is not null && depth++ < 64)
            {
                if (receiver is IInvocationOperation call)
                {
                    yield return call;
                    receiver = call.Instance?.WalkDownConversion();
                    continue;
                }

                if (receiver is ILocalReferenceOperation local)
                {
                    // Statements like `builder.MustVerifySignature();` and the local's initializer.
                    var root = decode.GetRoot();
                    IOperation? initializer = null;
                    foreach (var operation in root.DescendantsAndSelf())
                    {
                        if (operation is IInvocationOperation other && other != decode
                            && other.Instance?.WalkDownConversion() is ILocalReferenceOperation r
                            && SymbolEqualityComparer.Default.Equals(r.Local, local.Local))
                        {
                            yield return other;
                        }

                        if (operation is IVariableDeclaratorOperation declarator
                            && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
                        {
                            initializer = declarator.Initializer?.Value;
                        }
                    }

                    receiver = initializer?.WalkDownConversion();
                    continue;
                }

                yield break;
            }
        }

        private static Location ReportLocation(IInvocationOperation invocation)
        {
            if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } syntax)
            {
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(memberAccess.Name.SpanStart, syntax.Span.End));
            }

            return invocation.Syntax.GetLocation();
        }

        /// <summary>Whether AUTH101 reports <paramref name="invocation"/> as an unverified read whose claims are trusted.</summary>
        public bool IsReported(IInvocationOperation invocation, ISymbol containingSymbol) =>
            TryGetInvocationSource(invocation, out var kind, out _) && GetTrustReason(invocation, kind, containingSymbol) is not null;

        private string? GetTrustReason(IOperation source, SourceKind kind, ISymbol containingSymbol)
        {
            var root = source.GetRoot();
            if (ContainsValidation(root, source) || _aspNet.IsBehindAuthorize(containingSymbol))
            {
                return null;
            }

            return new TrustFinder(this, containingSymbol, root).Find(source, kind);
        }

        private void AnalyzeSource(OperationAnalysisContext context, IOperation source, SourceKind kind, string member, Location location)
        {
            var reason = GetTrustReason(source, kind, context.ContainingSymbol);
            if (reason is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    location,
                    ImmutableDictionary<string, string?>.Empty.Add(SourceKindProperty, kind.ToString()),
                    member,
                    reason));
            }
        }

        /// <summary>
        /// Whether the same member body also validates the same token text (reading <c>kid</c> or <c>iss</c> first to
        /// pick the key is part of validating): a call named like validation or verification that is handed the
        /// token the source read.
        /// </summary>
        private static bool ContainsValidation(IOperation root, IOperation source)
        {
            var token = TokenArgument(source);
            if (token is null)
            {
                return false;
            }

            var tokenSymbol = token.ReferencedSymbol();
            var tokenText = token.Syntax.ToString();
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is not IInvocationOperation invocation || operation == source || !IsValidationName(invocation.TargetMethod.Name))
                {
                    continue;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                    {
                        continue;
                    }

                    var value = argument.Value.WalkDownConversion();
                    if (tokenSymbol is not null
                        ? SymbolEqualityComparer.Default.Equals(value.ReferencedSymbol(), tokenSymbol)
                        : value.Syntax.ToString() == tokenText)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The token text a source reads: its first string argument.</summary>
        private static IOperation? TokenArgument(IOperation source)
        {
            var arguments = source switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };

            foreach (var argument in arguments)
            {
                if (argument.Value.WalkDownConversion().Type?.SpecialType == SpecialType.System_String)
                {
                    return argument.Value.WalkDownConversion();
                }
            }

            return null;
        }

        private static bool IsValidationName(string name) =>
            (name.StartsWith("Validate", System.StringComparison.Ordinal)
             && (name.IndexOf("Token", System.StringComparison.Ordinal) >= 0
                 || name.IndexOf("Jwt", System.StringComparison.Ordinal) >= 0
                 || name.StartsWith("ValidateAndRead", System.StringComparison.Ordinal)))
            || name.StartsWith("ReadValidated", System.StringComparison.Ordinal)
            || name is "Verify" or "VerifyBytes"
            || name.StartsWith("VerifyToken", System.StringComparison.Ordinal)
            || name.StartsWith("VerifyJwt", System.StringComparison.Ordinal);

        /// <summary>Follows the unverified value through locals, fields and casts to the place it is trusted.</summary>
        private sealed class TrustFinder
        {
            private const int MaxDepth = 4;
            private readonly Analysis _owner;
            private readonly ISymbol _containingSymbol;
            private readonly IOperation _root;
            private readonly HashSet<ISymbol> _visited = new(SymbolEqualityComparer.Default);

            public TrustFinder(Analysis owner, ISymbol containingSymbol, IOperation root)
            {
                _owner = owner;
                _containingSymbol = containingSymbol;
                _root = root;
            }

            public string? Find(IOperation source, SourceKind kind) => FindFromValue(source, kind, 0);

            /// <summary><paramref name="value"/> evaluates to the token object or to its payload.</summary>
            private string? FindFromValue(IOperation value, SourceKind kind, int depth)
            {
                if (depth > MaxDepth)
                {
                    return null;
                }

                var parent = value.WalkUpConversion(out var child);
                switch (parent)
                {
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return FindFromSymbol(declarator.Symbol, kind, depth + 1);

                    case ISimpleAssignmentOperation assignment when assignment.Value == child:
                        var target = assignment.Target.ReferencedSymbol();
                        if (target is ILocalSymbol or IFieldSymbol)
                        {
                            return FindFromSymbol(target, kind, depth + 1);
                        }

                        return kind == SourceKind.Payload ? ClaimUse(child, depth) : null;

                    case IPropertyReferenceOperation property when property.Instance == child:
                        return kind == SourceKind.TokenObject
                            ? MemberRead(property, property.Property.Name, depth)
                            : ClaimUse(child, depth);

                    case IInvocationOperation invocation when invocation.Instance == child:
                        return kind == SourceKind.TokenObject
                            ? MemberRead(invocation, invocation.TargetMethod.Name, depth)
                            : ClaimUse(child, depth);

                    case null:
                        return null;

                    default:
                        // Payload values, or the token handed on whole (to a method, a constructor, a return).
                        return ClaimUse(child, depth);
                }
            }

            private string? MemberRead(IOperation read, string memberName, int depth) =>
                NonClaimMembers.Contains(memberName) ? null : ClaimUse(read, depth);

            private string? FindFromSymbol(ISymbol symbol, SourceKind kind, int depth)
            {
                if (!_visited.Add(symbol))
                {
                    return null;
                }

                foreach (var operation in _root.DescendantsAndSelf())
                {
                    if (operation.ReferencedSymbol() is { } referenced
                        && SymbolEqualityComparer.Default.Equals(referenced, symbol)
                        && !IsAssignmentTarget(operation))
                    {
                        var reason = FindFromValue(operation, kind, depth);
                        if (reason is not null)
                        {
                            return reason;
                        }
                    }
                }

                return null;
            }

            private static bool IsAssignmentTarget(IOperation reference) =>
                reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;

            /// <summary><paramref name="claim"/> is claim data; decide whether it is trusted.</summary>
            private string? ClaimUse(IOperation claim, int depth)
            {
                // Into a principal: trusted anywhere on a server.
                for (var current = claim.Parent; current is not null; current = current.Parent)
                {
                    if (current is IObjectCreationOperation creation
                        && (creation.Type.InheritsFromOrEquals(_owner._aspNet.ClaimsIdentity)
                            || creation.Type.InheritsFromOrEquals(_owner._aspNet.ClaimsPrincipal)
                            || creation.Type.InheritsFromOrEquals(_owner._aspNet.AuthenticationTicket)))
                    {
                        return "its claims build a " + creation.Type!.Name;
                    }

                    if (current is IInvocationOperation { TargetMethod.Name: "AddClaim" or "AddClaims" or "AddIdentity" } add
                        && (add.Instance?.Type.InheritsFromOrEquals(_owner._aspNet.ClaimsIdentity) == true
                            || add.Instance?.Type.InheritsFromOrEquals(_owner._aspNet.ClaimsPrincipal) == true))
                    {
                        return "its claims are added to a " + add.Instance!.Type!.Name;
                    }

                    if (IsStatement(current))
                    {
                        break;
                    }
                }

                // Into a local or a loop variable: follow it.
                var parent = claim.WalkUpConversion(out var child);
                if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                {
                    return FindFromSymbol(declarator.Symbol, SourceKind.Payload, depth + 1);
                }

                if (parent is IForEachLoopOperation loop && loop.Collection == child)
                {
                    foreach (var local in loop.Locals)
                    {
                        if (FindFromSymbol(local, SourceKind.Payload, depth + 1) is { } reason)
                        {
                            return reason;
                        }
                    }

                    return null;
                }

                if (!InRequest(claim))
                {
                    return null;
                }

                return OnlyLogged(claim) ? null : "its claims decide what a request may do";
            }

            private bool OnlyLogged(IOperation claim)
            {
                for (var current = claim.Parent; current is not null && !IsStatement(current); current = current.Parent)
                {
                    if (current is IInvocationOperation invocation && _owner._aspNet.IsLoggingCall(invocation))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsStatement(IOperation operation) =>
                operation is IExpressionStatementOperation or IVariableDeclarationGroupOperation or IReturnOperation
                    or IBlockOperation or IConditionalOperation { IsRef: false } and { Type: null } or ILoopOperation
                    or ISwitchOperation or IMethodBodyOperation or ILocalFunctionOperation or IAnonymousFunctionOperation;

            private bool InRequest(IOperation claim) =>
                _owner._aspNet.IsInRequestHandlingCode(claim, _containingSymbol);
        }
    }
}
