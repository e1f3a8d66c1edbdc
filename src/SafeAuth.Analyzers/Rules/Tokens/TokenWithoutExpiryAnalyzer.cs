using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
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
/// AUTH201: a token is issued without an <c>exp</c> claim: <c>new JwtSecurityToken</c>/<c>JwtPayload</c> without
/// <c>expires</c>, a descriptor without <c>Expires</c> on a handler whose default times are off, a constant JSON
/// payload, Jwt.Net's builder or encoder and jose-jwt's <c>JWT.Encode</c> with a payload that has no <c>exp</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TokenWithoutExpiryAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: what the fix edits (<see cref="FixShape"/>).</summary>
    internal const string ShapeProperty = "Shape";

    /// <summary>Diagnostic property: <c>true</c> when the diagnostic is on an explicit <c>null</c> expiry the fix replaces.</summary>
    internal const string ReplacesValueProperty = "ReplacesValue";

    /// <summary>Diagnostic property: <c>safeauth.default_token_lifetime</c>, in whole seconds.</summary>
    internal const string LifetimeSecondsProperty = "LifetimeSeconds";

    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIds.TokenWithoutExpiry,
        title: "Token issued without expiry",
        messageFormat: "'{0}' issues a token without an expiry (exp); give it a short lifetime",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A JWT without an exp claim is valid forever wherever lifetime is not required, so a leaked or stolen token can never be revoked by time. Give every token you issue a short expiry.");

    /// <summary>What the code fix changes for a diagnostic.</summary>
    internal enum FixShape
    {
        /// <summary>No automatic fix (a constant JSON payload).</summary>
        None,
        /// <summary>Set the <c>expires</c> argument of a constructor (add it, or replace <c>null</c>).</summary>
        ExpiresArgument,
        /// <summary>Add <c>Expires = …</c> to a <c>SecurityTokenDescriptor</c> initializer.</summary>
        DescriptorExpires,
        /// <summary>Add an <c>"exp"</c> entry to a dictionary (or <c>JwtPayload</c>) initializer.</summary>
        DictionaryEntry,
        /// <summary>Add an <c>exp</c> member to an anonymous object.</summary>
        AnonymousMember,
        /// <summary>Add <c>.AddClaim(ClaimName.ExpirationTime, …)</c> before Jwt.Net's <c>Encode()</c>.</summary>
        BuilderClaim,
    }

    private enum PayloadState
    {
        Unknown,
        HasExp,
        NoExp,
    }

    private static readonly Regex ExpMember = new("\"exp\"\\s*:", RegexOptions.CultureInvariant);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = ExpirySymbols.Create(start.Compilation);
            if (!symbols.HasIssuingLibrary)
            {
                return;
            }

            var analysis = new Analysis(symbols);
            start.RegisterOperationAction(analysis.AnalyzeCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        });
    }

    private sealed class Analysis
    {
        private readonly ExpirySymbols _symbols;

        public Analysis(ExpirySymbols symbols) => _symbols = symbols;

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var type = creation.Type;
            if (type is null || creation.Constructor is null)
            {
                return;
            }

            var isToken = SymbolEqualityComparer.Default.Equals(type, _symbols.JwtSecurityToken);
            var isPayload = SymbolEqualityComparer.Default.Equals(type, _symbols.JwtPayload);
            if (!isToken && !isPayload)
            {
                return;
            }

            var root = creation.GetRoot();
            var expires = FindParameter(creation.Constructor, "expires");
            if (expires is null)
            {
                // new JwtSecurityToken(header, payload) is judged by its payload; JwtPayload() / JwtPayload(claims) by its entries.
                if (isPayload && PayloadOfCreation(creation, root) == PayloadState.NoExp && !RootAddsExpClaim(root))
                {
                    Report(context, creation.Syntax.GetLocation(), FixShape.DictionaryEntry, "new JwtPayload");
                }

                return;
            }

            IArgumentOperation? argument = null;
            foreach (var candidate in creation.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.Parameter, expires))
                {
                    argument = candidate;
                }
            }

            var missing = argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue;
            if (!missing && !ValueFlow.IsConstantNull(argument!.Value, root))
            {
                return;
            }

            // An "exp" claim in the claims passed along, or entries added to the payload afterwards.
            if (RootAddsExpClaim(root) || (isPayload && PayloadOfCreation(creation, root) != PayloadState.NoExp))
            {
                return;
            }

            if (missing || argument!.Value.Syntax is not ExpressionSyntax)
            {
                Report(context, creation.Syntax.GetLocation(), FixShape.ExpiresArgument, "new " + type.Name);
            }
            else
            {
                Report(context, argument.Value.Syntax.GetLocation(), FixShape.ExpiresArgument, "new " + type.Name, replacesValue: true);
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return;
            }

            var root = invocation.GetRoot();
            switch (method.Name)
            {
                case "CreateToken" or "CreateJwtSecurityToken" or "CreateEncodedJwt" when IsTokenHandler(type) || IsTokenHandler(invocation.Instance?.Type):
                    AnalyzeHandlerCreate(context, invocation, root);
                    return;

                case "Encode" when SymbolEqualityComparer.Default.Equals(type, _symbols.JwtNetBuilder):
                    AnalyzeBuilderEncode(context, invocation, root);
                    return;

                case "Encode" when type.ImplementsOrEquals(_symbols.JwtNetIEncoder)
                                   || SymbolEqualityComparer.Default.Equals(type, _symbols.JwtNetEncoderExtensions):
                    AnalyzePayloadArgument(context, invocation, root, "IJwtEncoder.Encode");
                    return;

                case "Encode" or "EncodeBytes" when SymbolEqualityComparer.Default.Equals(type, _symbols.JoseJwt):
                    AnalyzePayloadArgument(context, invocation, root, "JWT." + method.Name);
                    return;
            }
        }

        private bool IsTokenHandler(ITypeSymbol? type) =>
            type.InheritsFromOrEquals(_symbols.JwtSecurityTokenHandler)
            || type.InheritsFromOrEquals(_symbols.JsonWebTokenHandler)
            || type.InheritsFromOrEquals(_symbols.TokenHandler);

        private void AnalyzeHandlerCreate(OperationAnalysisContext context, IInvocationOperation invocation, IOperation root)
        {
            var member = (invocation.Instance?.Type?.Name ?? invocation.TargetMethod.ContainingType.Name) + "." + invocation.TargetMethod.Name;
            var payload = invocation.GetArgument("payload");
            if (payload is not null && payload.Type?.SpecialType == SpecialType.System_String)
            {
                // CreateToken(string payload, …) writes the payload as it is: no default times.
                if (ValueFlow.TryGetString(payload, root, out var json) && json.TrimStart().StartsWith("{", StringComparison.Ordinal) && !ExpMember.IsMatch(json))
                {
                    Report(context, payload.Syntax.GetLocation(), FixShape.None, member);
                }

                return;
            }

            IOperation? descriptor = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value.Type.InheritsFromOrEquals(_symbols.SecurityTokenDescriptor))
                {
                    descriptor = argument.Value;
                }
            }

            if (descriptor is null || invocation.Instance is null || HandlerSetsDefaultTimes(invocation.Instance, root))
            {
                return;
            }

            var creation = ValueFlow.Resolve(descriptor, root) as IObjectCreationOperation;
            if (creation is null || creation.Arguments.Length != 0)
            {
                return;
            }

            if (InitializerSets(creation, "Expires", root, out var claimsUnknown) || claimsUnknown)
            {
                return;
            }

            if (descriptor.WalkDownConversion() is ILocalReferenceOperation local && LocalPropertySet(local.Local, "Expires", root))
            {
                return;
            }

            Report(context, creation.Syntax.GetLocation(), FixShape.DescriptorExpires, member);
        }

        /// <summary>Whether the initializer sets <paramref name="property"/> to something not null; a Claims dictionary with "exp" counts.</summary>
        private static bool InitializerSets(IObjectCreationOperation creation, string property, IOperation root, out bool claimsUnknown)
        {
            claimsUnknown = false;
            if (creation.Initializer is null)
            {
                return false;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                {
                    continue;
                }

                if (target.Property.Name == property && !ValueFlow.IsConstantNull(assignment.Value, root))
                {
                    return true;
                }

                if (target.Property.Name == "Claims")
                {
                    var claims = ValueFlow.Resolve(assignment.Value, root);
                    var state = claims is IObjectCreationOperation dictionary ? DictionaryState(dictionary, root) : PayloadState.Unknown;
                    if (state == PayloadState.HasExp)
                    {
                        return true;
                    }

                    claimsUnknown |= state == PayloadState.Unknown;
                }
            }

            return false;
        }

        /// <summary><c>local.Property = value</c> (not null) somewhere in the member, or the local handed elsewhere.</summary>
        private static bool LocalPropertySet(ILocalSymbol local, string property, IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation instance } target } assignment
                    && SymbolEqualityComparer.Default.Equals(instance.Local, local)
                    && (target.Property.Name == property || target.Property.Name == "Claims")
                    && !ValueFlow.IsConstantNull(assignment.Value, root))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the handler fills in default times. Only a constant <c>SetDefaultTimesOnTokenCreation = false</c> on the
        /// handler, seen in its creation, on its local, or on its field anywhere in the field's type, turns them off.
        /// </summary>
        private bool HandlerSetsDefaultTimes(IOperation handler, IOperation root)
        {
            var value = handler.WalkDownConversion();
            switch (value)
            {
                case IObjectCreationOperation creation:
                    return !InitializerTurnsDefaultTimesOff(creation, root);
                case ILocalReferenceOperation local:
                    if (ValueFlow.Resolve(local, root) is IObjectCreationOperation localCreation && InitializerTurnsDefaultTimesOff(localCreation, root))
                    {
                        return false;
                    }

                    foreach (var operation in root.DescendantsAndSelf())
                    {
                        if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SetDefaultTimesOnTokenCreation", Instance: ILocalReferenceOperation instance } } assignment
                            && SymbolEqualityComparer.Default.Equals(instance.Local, local.Local)
                            && ValueFlow.IsConstantFalse(assignment.Value, root))
                        {
                            return false;
                        }
                    }

                    return true;
                case IFieldReferenceOperation field:
                    return !FieldTurnsDefaultTimesOff(field.Field);
                default:
                    return true;
            }
        }

        private static bool InitializerTurnsDefaultTimesOff(IObjectCreationOperation creation, IOperation root)
        {
            if (creation.Initializer is null)
            {
                return false;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SetDefaultTimesOnTokenCreation" } } assignment
                    && ValueFlow.IsConstantFalse(assignment.Value, root))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Syntax-level look at the field's type: its initializer and any <c>field.SetDefaultTimesOnTokenCreation = false</c>.</summary>
        private static bool FieldTurnsDefaultTimesOff(IFieldSymbol field)
        {
            foreach (var typeReference in field.ContainingType.DeclaringSyntaxReferences)
            {
                foreach (var node in typeReference.GetSyntax().DescendantNodes())
                {
                    if (node is not AssignmentExpressionSyntax { Right: LiteralExpressionSyntax { Token.Value: false } } assignment)
                    {
                        continue;
                    }

                    var left = assignment.Left;
                    if (left is IdentifierNameSyntax { Identifier.ValueText: "SetDefaultTimesOnTokenCreation" }
                        && assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax { Parent: EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } } }
                        && declarator.Identifier.ValueText == field.Name)
                    {
                        return true;
                    }

                    if (left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetDefaultTimesOnTokenCreation" } access
                        && (access.Expression is IdentifierNameSyntax { Identifier.ValueText: var name } && name == field.Name
                            || access.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name.Identifier.ValueText: var thisName } && thisName == field.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private void AnalyzeBuilderEncode(OperationAnalysisContext context, IInvocationOperation encode, IOperation root)
        {
            if (!BuilderOriginKnown(encode, root))
            {
                return;
            }

            var calls = BuilderCalls(encode, root, out var handedElsewhere);
            if (handedElsewhere)
            {
                return;
            }

            foreach (var call in calls)
            {
                switch (call.TargetMethod.Name)
                {
                    case "ExpirationTime":
                    case "AddClaims":
                        return;
                    case "AddClaim":
                        var claimName = call.TargetMethod.IsExtensionMethod && call.Arguments.Length == 3
                            ? call.Arguments[1].Value
                            : call.Arguments.Length == 2 ? call.Arguments[0].Value : null;
                        if (claimName is null)
                        {
                            return;
                        }

                        if (claimName.Type?.SpecialType == SpecialType.System_String && !ValueFlow.TryGetString(claimName, root, out _))
                        {
                            return; // a claim name computed at run time could be "exp"
                        }

                        if (ExcessiveTokenLifetimeAnalyzer.IsExpClaimName(claimName, root, _symbols))
                        {
                            return;
                        }

                        break;
                }
            }

            Report(context, NameToEnd(encode), FixShape.BuilderClaim, "JwtBuilder.Encode");
        }

        /// <summary>The builder chain starts at <c>JwtBuilder.Create()</c> or <c>new JwtBuilder()</c>, in this member.</summary>
        private static bool BuilderOriginKnown(IInvocationOperation encode, IOperation root)
        {
            var receiver = encode.Instance?.WalkDownConversion();
            for (var depth = 0; receiver is not null && depth < 64; depth++)
            {
                switch (receiver)
                {
                    case IInvocationOperation { TargetMethod.Name: "Create", Instance: null, Arguments.Length: 0 }:
                    case IObjectCreationOperation:
                        return true;
                    case IInvocationOperation call:
                        receiver = Receiver(call)?.WalkDownConversion();
                        break;
                    case ILocalReferenceOperation local:
                        receiver = InitializerOf(local.Local, root)?.WalkDownConversion();
                        break;
                    default:
                        return false;
                }
            }

            return false;
        }

        private static IOperation? Receiver(IInvocationOperation call) =>
            call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);

        private static IOperation? InitializerOf(ILocalSymbol local, IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    return declarator.Initializer?.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// Every call made on the builder: the fluent chain to <c>Encode</c>, and calls on the local that holds it.
        /// <paramref name="handedElsewhere"/> is set when the local is passed to another method, which may add the claim.
        /// </summary>
        private static List<IInvocationOperation> BuilderCalls(IInvocationOperation encode, IOperation root, out bool handedElsewhere)
        {
            handedElsewhere = false;
            var calls = new List<IInvocationOperation>();
            var locals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var receiver = encode.Instance?.WalkDownConversion();
            for (var depth = 0; receiver is not null && depth < 64; depth++)
            {
                if (receiver is IInvocationOperation call)
                {
                    calls.Add(call);
                    receiver = Receiver(call)?.WalkDownConversion();
                    continue;
                }

                if (receiver is ILocalReferenceOperation local && locals.Add(local.Local))
                {
                    receiver = InitializerOf(local.Local, root)?.WalkDownConversion();
                    continue;
                }

                break;
            }

            if (locals.Count == 0)
            {
                return calls;
            }

            // builder.AddClaim(...); statements, and fluent chains that start from the local.
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is not IInvocationOperation other || other == encode)
                {
                    continue;
                }

                if (Receiver(other)?.WalkDownConversion() is ILocalReferenceOperation r && locals.Contains(r.Local))
                {
                    calls.Add(other);
                    continue;
                }

                foreach (var argument in other.Arguments)
                {
                    if (argument.Value.WalkDownConversion() is ILocalReferenceOperation passed && locals.Contains(passed.Local))
                    {
                        handedElsewhere = true;
                    }
                }
            }

            return calls;
        }

        private void AnalyzePayloadArgument(OperationAnalysisContext context, IInvocationOperation invocation, IOperation root, string member)
        {
            var payload = invocation.GetArgument("payload");
            if (payload is null)
            {
                return;
            }

            if (payload.Type?.SpecialType == SpecialType.System_String)
            {
                if (ValueFlow.TryGetString(payload, root, out var json) && json.TrimStart().StartsWith("{", StringComparison.Ordinal) && !ExpMember.IsMatch(json))
                {
                    Report(context, payload.Syntax.GetLocation(), FixShape.None, member);
                }

                return;
            }

            var creation = ValueFlow.Resolve(payload, root);
            PayloadState state;
            FixShape shape;
            switch (creation)
            {
                case IAnonymousObjectCreationOperation anonymous:
                    state = AnonymousState(anonymous);
                    shape = FixShape.AnonymousMember;
                    break;
                case IObjectCreationOperation dictionary:
                    state = PayloadOfCreation(dictionary, root);
                    shape = FixShape.DictionaryEntry;
                    break;
                default:
                    return;
            }

            if (state == PayloadState.NoExp)
            {
                Report(context, creation.Syntax.GetLocation(), shape, member);
            }
        }

        private static PayloadState AnonymousState(IAnonymousObjectCreationOperation anonymous)
        {
            foreach (var initializer in anonymous.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } && property.Property.Name == "exp")
                {
                    return PayloadState.HasExp;
                }
            }

            return PayloadState.NoExp;
        }

        /// <summary>A dictionary (or <c>JwtPayload</c>) creation: its initializer, then what the member does to the local holding it.</summary>
        private PayloadState PayloadOfCreation(IObjectCreationOperation creation, IOperation root)
        {
            var state = DictionaryState(creation, root);
            if (state != PayloadState.NoExp)
            {
                return state;
            }

            var parent = creation.WalkUpConversion(out _);
            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return LocalDictionaryState(declarator.Symbol, root);
            }

            if (parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation assigned })
            {
                return LocalDictionaryState(assigned.Local, root);
            }

            return parent is IArgumentOperation or IObjectOrCollectionInitializerOperation or ISimpleAssignmentOperation { Target: IPropertyReferenceOperation }
                ? PayloadState.NoExp
                : PayloadState.Unknown;
        }

        private static PayloadState DictionaryState(IObjectCreationOperation creation, IOperation root)
        {
            if (!IsStringKeyedDictionary(creation.Type))
            {
                return PayloadState.Unknown;
            }

            foreach (var argument in creation.Arguments)
            {
                // new Dictionary<string, object>(other) copies entries we cannot see; a capacity or comparer is fine.
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter?.Name is not ("capacity" or "comparer" or "expires" or "notBefore" or "issuedAt" or "issuer" or "audience" or "claims" or "claimsCollection"))
                {
                    return PayloadState.Unknown;
                }

                if (argument.Parameter?.Name == "claimsCollection" && argument.ArgumentKind != ArgumentKind.DefaultValue && !ValueFlow.IsConstantNull(argument.Value, root))
                {
                    return PayloadState.Unknown;
                }
            }

            if (creation.Initializer is null)
            {
                return PayloadState.NoExp;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                switch (initializer)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer }:
                        var key = KeyState(indexer.Arguments[0].Value, root);
                        if (key != PayloadState.NoExp)
                        {
                            return key;
                        }

                        break;
                    case IInvocationOperation { TargetMethod.Name: "Add" } add when add.Arguments.Length >= 1:
                        var addKey = KeyState(add.Arguments[0].Value, root);
                        if (addKey != PayloadState.NoExp)
                        {
                            return addKey;
                        }

                        break;
                    case ISimpleAssignmentOperation:
                        break;
                    default:
                        return PayloadState.Unknown;
                }
            }

            return PayloadState.NoExp;
        }

        /// <summary>After the local is created: <c>local["exp"] = …</c>, <c>local.Add("exp", …)</c>, or the local handed to a method.</summary>
        private static PayloadState LocalDictionaryState(ILocalSymbol local, IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IPropertyReferenceOperation { Instance: ILocalReferenceOperation instance, Arguments.Length: 1 } indexer
                        when SymbolEqualityComparer.Default.Equals(instance.Local, local) && indexer.Parent is ISimpleAssignmentOperation assignment && assignment.Target == indexer:
                        var key = KeyState(indexer.Arguments[0].Value, root);
                        if (key != PayloadState.NoExp)
                        {
                            return key;
                        }

                        break;
                    case IInvocationOperation { Instance: ILocalReferenceOperation receiver } call when SymbolEqualityComparer.Default.Equals(receiver.Local, local):
                        switch (call.TargetMethod.Name)
                        {
                            case "Add" or "TryAdd" when call.Arguments.Length == 2:
                                var addKey = KeyState(call.Arguments[0].Value, root);
                                if (addKey != PayloadState.NoExp)
                                {
                                    return addKey;
                                }

                                break;
                            case "AddClaim" or "AddClaims" or "Add" or "Union":
                                return PayloadState.Unknown;
                        }

                        break;
                    case IArgumentOperation { Value: var value } argument
                        when value.WalkDownConversion() is ILocalReferenceOperation passed && SymbolEqualityComparer.Default.Equals(passed.Local, local):
                        if (!IsEncodeSink(argument.Parent))
                        {
                            return PayloadState.Unknown;
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation reassigned } reassignment
                        when SymbolEqualityComparer.Default.Equals(reassigned.Local, local) && reassignment.Parent is not IVariableInitializerOperation:
                        return PayloadState.Unknown;
                }
            }

            return PayloadState.NoExp;
        }

        private static bool IsEncodeSink(IOperation? operation) => operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.Name is "Encode" or "EncodeBytes",
            IObjectCreationOperation creation => creation.Type?.Name == "JwtSecurityToken",
            _ => false,
        };

        private static PayloadState KeyState(IOperation key, IOperation root) =>
            ValueFlow.TryGetString(key, root, out var text)
                ? (text == "exp" ? PayloadState.HasExp : PayloadState.NoExp)
                : PayloadState.Unknown;

        private static bool IsStringKeyedDictionary(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            var candidates = type is INamedTypeSymbol named ? type.AllInterfaces.Add(named) : type.AllInterfaces;
            foreach (var candidate in candidates)
            {
                if (candidate is { Name: "IDictionary", IsGenericType: true } dictionary
                    && dictionary.ContainingNamespace.ToDisplayString() == "System.Collections.Generic"
                    && dictionary.TypeArguments[0].SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Anywhere in the member: <c>new Claim("exp", …)</c> (also <c>JwtRegisteredClaimNames.Exp</c>).</summary>
        private static bool RootAddsExpClaim(IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is IObjectCreationOperation { Type.Name: "Claim" } claim && claim.Arguments.Length >= 2
                    && ValueFlow.TryGetString(claim.Arguments[0].Value, root, out var type) && type == "exp")
                {
                    return true;
                }
            }

            return false;
        }

        private static IParameterSymbol? FindParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    return parameter;
                }
            }

            return null;
        }

        private static Location NameToEnd(IInvocationOperation invocation)
        {
            if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } syntax)
            {
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(memberAccess.Name.SpanStart, syntax.Span.End));
            }

            return invocation.Syntax.GetLocation();
        }

        private static void Report(OperationAnalysisContext context, Location location, FixShape shape, string member, bool replacesValue = false)
        {
            var lifetime = SafeAuthOptionDefinitions.DefaultTokenLifetime.Get(context.Options, location.SourceTree);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(ShapeProperty, shape.ToString())
                .Add(ReplacesValueProperty, replacesValue ? "true" : "false")
                .Add(LifetimeSecondsProperty, ((long)lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, member));
        }
    }
}
