using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Browser;

/// <summary>Which Web Storage area a write goes to.</summary>
internal enum BrowserStorage
{
    Local,
    Session,
}

/// <summary>How the write reaches the browser.</summary>
internal enum StorageSinkKind
{
    /// <summary><c>IJSRuntime</c>/<c>IJSObjectReference</c> <c>Invoke*("localStorage.setItem", key, value)</c>.</summary>
    JsInteropSetItem,
    /// <summary><c>IJSRuntime.SetValueAsync("localStorage.name", value)</c> (.NET 10): a property of the storage object.</summary>
    JsInteropSetValue,
    /// <summary>Blazored <c>SetItem*</c>.</summary>
    Blazored,
    /// <summary>A <c>[JSImport("localStorage.setItem")]</c> method.</summary>
    JSImport,
}

/// <summary>
/// One write to <c>localStorage</c> or <c>sessionStorage</c> found in an invocation: the storage area, the key and
/// value operations, and a display name. Shared by AUTH401, AUTH402 and their code fix.
/// </summary>
internal sealed class BrowserStorageWrite
{
    private const int MaxDepth = 6;

    private BrowserStorageWrite(IInvocationOperation invocation, BrowserStorage storage, StorageSinkKind kind, IOperation? key, string? keyText, IOperation? value, string member)
    {
        Invocation = invocation;
        Storage = storage;
        Kind = kind;
        Key = key;
        KeyText = keyText;
        Value = value;
        Member = member;
    }

    public IInvocationOperation Invocation { get; }
    public BrowserStorage Storage { get; }
    public StorageSinkKind Kind { get; }

    /// <summary>The key argument, when the key is an argument (null for <see cref="StorageSinkKind.JsInteropSetValue"/>).</summary>
    public IOperation? Key { get; }

    /// <summary>The key's constant text, when known.</summary>
    public string? KeyText { get; }

    /// <summary>The value written, without the conversion to <c>object</c> JS interop adds.</summary>
    public IOperation? Value { get; }

    /// <summary>What the message names, e.g. <c>IJSRuntime.InvokeVoidAsync("localStorage.setItem")</c>.</summary>
    public string Member { get; }

    public static string StorageName(BrowserStorage storage) => storage == BrowserStorage.Local ? "localStorage" : "sessionStorage";

    /// <summary>Matches a storage write. Returns false for reads, removes, clears and anything it cannot resolve.</summary>
    public static bool TryMatch(IInvocationOperation invocation, BrowserStorageSymbols symbols, out BrowserStorageWrite write)
    {
        write = null!;
        var method = invocation.TargetMethod;
        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return false;
        }

        switch (method.Name)
        {
            case "InvokeVoidAsync" or "InvokeAsync" or "InvokeVoid" or "Invoke" or "SetValueAsync" or "SetValue"
                when IsJsInteropMethod(method, type, symbols):
                return TryMatchJsInterop(invocation, symbols, out write);

            case "SetItemAsync" or "SetItemAsStringAsync" or "SetItem" or "SetItemAsString":
                BrowserStorage storage;
                if (ImplementsAny(type, symbols.LocalStorageServices))
                {
                    storage = BrowserStorage.Local;
                }
                else if (ImplementsAny(type, symbols.SessionStorageServices))
                {
                    storage = BrowserStorage.Session;
                }
                else
                {
                    // A [JSImport] method may be called SetItem too.
                    return TryMatchJSImport(invocation, symbols, out write);
                }

                var key = invocation.GetArgument("key");
                var data = invocation.GetArgument("data");
                if (key is null || data is null)
                {
                    return false;
                }

                write = new BrowserStorageWrite(invocation, storage, StorageSinkKind.Blazored, key, ResolveString(key, 0),
                    data.WalkDownConversion(), ServiceName(invocation, type) + "." + method.Name);
                return true;

            default:
                return TryMatchJSImport(invocation, symbols, out write);
        }
    }

    private static bool IsJsInteropMethod(IMethodSymbol method, INamedTypeSymbol type, BrowserStorageSymbols symbols)
    {
        foreach (var extensions in symbols.JsInteropExtensions)
        {
            if (SymbolEqualityComparer.Default.Equals(type, extensions))
            {
                return true;
            }
        }

        return !method.IsStatic && ImplementsAny(type, symbols.JsInteropTypes);
    }

    private static bool ImplementsAny(INamedTypeSymbol type, ImmutableArray<INamedTypeSymbol> interfaces)
    {
        foreach (var candidate in interfaces)
        {
            if (type.ImplementsOrEquals(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static string ServiceName(IInvocationOperation invocation, INamedTypeSymbol declaringType)
    {
        var receiverType = invocation.GetReceiver()?.WalkDownConversion().Type;
        return receiverType is INamedTypeSymbol named && named.TypeKind == TypeKind.Interface ? named.Name : declaringType.Name;
    }

    private static bool TryMatchJsInterop(IInvocationOperation invocation, BrowserStorageSymbols symbols, out BrowserStorageWrite write)
    {
        write = null!;
        var identifierOperation = invocation.GetArgument("identifier");
        if (identifierOperation is null || ResolveString(identifierOperation, 0) is not { } identifier)
        {
            return false;
        }

        var path = StripGlobalPrefixes(identifier);
        if (!TrySplitStorage(path, out var storage, out var rest))
        {
            return false;
        }

        var method = invocation.TargetMethod;
        var receiverName = ServiceName(invocation, method.ContainingType);
        if (receiverName.EndsWith("Extensions", StringComparison.Ordinal))
        {
            receiverName = method.Parameters.Length > 0 ? method.Parameters[0].Type.Name : receiverName;
        }

        var member = receiverName + "." + method.Name + "(\"" + identifier + "\")";

        if (method.Name is "SetValueAsync" or "SetValue")
        {
            // localStorage.name = value stores the value under "name".
            if (rest.IndexOf('.') >= 0 || rest is "setItem" or "getItem" or "removeItem" or "clear" or "key" or "length")
            {
                return false;
            }

            var value = invocation.GetArgument("value");
            if (value is null)
            {
                return false;
            }

            write = new BrowserStorageWrite(invocation, storage, StorageSinkKind.JsInteropSetValue, null, rest, value.WalkDownConversion(), member);
            return true;
        }

        if (rest != "setItem")
        {
            return false;
        }

        var args = JsArguments(invocation.GetArgument("args"));
        if (args.Length < 2)
        {
            return false;
        }

        write = new BrowserStorageWrite(invocation, storage, StorageSinkKind.JsInteropSetItem, args[0], ResolveString(args[0], 0), args[1], member);
        return true;
    }

    private static bool TryMatchJSImport(IInvocationOperation invocation, BrowserStorageSymbols symbols, out BrowserStorageWrite write)
    {
        write = null!;
        var method = invocation.TargetMethod;
        if (symbols.JSImportAttribute is null || !method.IsStatic || invocation.Arguments.Length < 2)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.JSImportAttribute)
                || attribute.ConstructorArguments.Length == 0
                || attribute.ConstructorArguments[0].Value is not string functionName)
            {
                continue;
            }

            if (!TrySplitStorage(StripGlobalPrefixes(functionName), out var storage, out var rest) || rest != "setItem")
            {
                return false;
            }

            var key = ArgumentAt(invocation, 0);
            var value = ArgumentAt(invocation, 1);
            if (key is null || value is null)
            {
                return false;
            }

            write = new BrowserStorageWrite(invocation, storage, StorageSinkKind.JSImport, key, ResolveString(key, 0), value.WalkDownConversion(),
                method.Name + " ([JSImport(\"" + functionName + "\")])");
            return true;
        }

        return false;
    }

    private static IOperation? ArgumentAt(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The elements passed as JS arguments: a params array, an explicit array, or a local holding one.</summary>
    private static ImmutableArray<IOperation> JsArguments(IOperation? args)
    {
        if (args is null)
        {
            return ImmutableArray<IOperation>.Empty;
        }

        var array = args.WalkDownConversion();
        if (array is ILocalReferenceOperation local && SingleAssignedValue(local.Local, array) is { } assigned)
        {
            array = assigned.WalkDownConversion();
        }

        if (array is IArrayCreationOperation { Initializer: { } initializer })
        {
            var builder = ImmutableArray.CreateBuilder<IOperation>(initializer.ElementValues.Length);
            foreach (var element in initializer.ElementValues)
            {
                builder.Add(element.WalkDownConversion());
            }

            return builder.ToImmutable();
        }

        return ImmutableArray<IOperation>.Empty;
    }

    internal static string StripGlobalPrefixes(string identifier)
    {
        var path = identifier.Trim();
        while (true)
        {
            if (path.StartsWith("window.", StringComparison.Ordinal))
            {
                path = path.Substring("window.".Length);
            }
            else if (path.StartsWith("globalThis.", StringComparison.Ordinal))
            {
                path = path.Substring("globalThis.".Length);
            }
            else if (path.StartsWith("self.", StringComparison.Ordinal))
            {
                path = path.Substring("self.".Length);
            }
            else
            {
                return path;
            }
        }
    }

    private static bool TrySplitStorage(string path, out BrowserStorage storage, out string rest)
    {
        if (path.StartsWith("localStorage.", StringComparison.Ordinal))
        {
            storage = BrowserStorage.Local;
            rest = path.Substring("localStorage.".Length);
            return rest.Length > 0;
        }

        if (path.StartsWith("sessionStorage.", StringComparison.Ordinal))
        {
            storage = BrowserStorage.Session;
            rest = path.Substring("sessionStorage.".Length);
            return rest.Length > 0;
        }

        storage = default;
        rest = string.Empty;
        return false;
    }

    /// <summary>
    /// The text of a string: a constant (literal, <c>const</c>, constant interpolation), a <c>static readonly</c>
    /// field initialized with one, or a local assigned once.
    /// </summary>
    internal static string? ResolveString(IOperation operation, int depth)
    {
        operation = operation.WalkDownConversion();
        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        if (depth > MaxDepth)
        {
            return null;
        }

        switch (operation)
        {
            case IFieldReferenceOperation { Field: { IsReadOnly: true, IsStatic: true } field }:
                return ReadOnlyFieldInitializer(field, operation) is { } initializer ? ResolveString(initializer, depth + 1) : LiteralInitializer(field);
            case ILocalReferenceOperation local:
                return SingleAssignedValue(local.Local, operation) is { } value ? ResolveString(value, depth + 1) : null;
            default:
                return null;
        }
    }

    /// <summary>The initializer of a read-only field declared in the tree <paramref name="context"/> comes from.</summary>
    private static IOperation? ReadOnlyFieldInitializer(IFieldSymbol field, IOperation context)
    {
        var model = context.SemanticModel;
        if (model is null)
        {
            return null;
        }

        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == model.SyntaxTree
                && reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value })
            {
                return model.GetOperation(value);
            }
        }

        return null;
    }

    /// <summary>A string literal initializer of a field declared in another tree (read from syntax only).</summary>
    private static string? LiteralInitializer(IFieldSymbol field)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
                && literal.Token.Value is string text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The value a local holds when it is assigned exactly once (its declaration) in the enclosing body.</summary>
    internal static IOperation? SingleAssignedValue(ILocalSymbol local, IOperation reference)
    {
        IOperation? found = null;
        var count = 0;
        foreach (var value in AssignedValues(local, reference.GetRoot()))
        {
            found = value;
            count++;
        }

        return count == 1 ? found : null;
    }

    /// <summary>Every value assigned to <paramref name="symbol"/> inside <paramref name="root"/>.</summary>
    internal static IEnumerable<IOperation> AssignedValues(ISymbol symbol, IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol) && declarator.GetVariableInitializer() is { } initializer:
                    yield return initializer.Value;
                    break;
                case IAssignmentOperation assignment
                    when SymbolEqualityComparer.Default.Equals(assignment.Target.ReferencedSymbol(), symbol):
                    yield return assignment.Value;
                    break;
            }
        }
    }

    // ---------- evidence of a token ----------

    /// <summary>Why this write stores a token, or null when nothing says it does.</summary>
    public string? FindTokenEvidence(BrowserStorageSymbols symbols)
    {
        if (KeyText is not null && TokenNames.IsTokenName(KeyText))
        {
            return "key '" + KeyText + "'";
        }

        if (Key is not null && Key.WalkDownConversion().ReferencedSymbol() is { } keySymbol && TokenNames.IsTokenKeySymbolName(keySymbol.Name))
        {
            return "key " + keySymbol.Name;
        }

        if (Value is not null && ValueEvidence(Value, symbols, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default)) is { } evidence)
        {
            return "value " + evidence;
        }

        return null;
    }

    private static string? ValueEvidence(IOperation operation, BrowserStorageSymbols symbols, int depth, HashSet<ISymbol> visited)
    {
        operation = operation.WalkDownConversion();
        if (depth > MaxDepth || IsCancellationToken(operation.Type, symbols))
        {
            return null;
        }

        switch (operation)
        {
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string literal } }:
                return LooksLikeJwt(literal) ? "a JWT literal" : null;

            case ILocalReferenceOperation local:
                return SymbolEvidence(local.Local, operation, symbols, depth, visited);

            case IParameterReferenceOperation parameter:
                return TokenNames.IsTokenName(parameter.Parameter.Name) ? "'" + parameter.Parameter.Name + "'" : TypeEvidence(operation.Type);

            case IFieldReferenceOperation field:
                return SymbolEvidence(field.Field, operation, symbols, depth, visited);

            case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                if (TokenNames.IsTokenName(property.Property.Name))
                {
                    return "'" + Display(property) + "'";
                }

                return SymbolEvidence(property.Property, operation, symbols, depth, visited);

            case IInvocationOperation invocation:
                return InvocationEvidence(invocation, symbols, depth, visited);

            case IAwaitOperation await:
                return ValueEvidence(await.Operation, symbols, depth + 1, visited);

            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation
                        && ValueEvidence(interpolation.Expression, symbols, depth + 1, visited) is { } partEvidence)
                    {
                        return partEvidence;
                    }
                }

                return null;

            case IBinaryOperation binary:
                return ValueEvidence(binary.LeftOperand, symbols, depth + 1, visited)
                       ?? ValueEvidence(binary.RightOperand, symbols, depth + 1, visited);

            case IConditionalOperation conditional:
                return ValueEvidence(conditional.WhenTrue, symbols, depth + 1, visited)
                       ?? (conditional.WhenFalse is null ? null : ValueEvidence(conditional.WhenFalse, symbols, depth + 1, visited));

            case ICoalesceOperation coalesce:
                return ValueEvidence(coalesce.Value, symbols, depth + 1, visited)
                       ?? ValueEvidence(coalesce.WhenNull, symbols, depth + 1, visited);

            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    if ((argument.Parameter is { } parameter && TokenNames.IsTokenName(parameter.Name) && !IsCancellationToken(parameter.Type, symbols))
                        || ValueEvidence(argument.Value, symbols, depth + 1, visited) is not null)
                    {
                        return "a " + creation.Type?.Name + " holding a token";
                    }
                }

                return InitializerEvidence(creation.Initializer, symbols, depth, visited) is not null
                    ? "a " + creation.Type?.Name + " holding a token"
                    : TypeEvidence(creation.Type);

            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation assignment
                        && ((assignment.Target is IPropertyReferenceOperation target && TokenNames.IsTokenName(target.Property.Name))
                            || ValueEvidence(assignment.Value, symbols, depth + 1, visited) is not null))
                    {
                        return "an object holding a token";
                    }
                }

                return null;

            default:
                return null;
        }
    }

    private static string? InitializerEvidence(IObjectOrCollectionInitializerOperation? initializer, BrowserStorageSymbols symbols, int depth, HashSet<ISymbol> visited)
    {
        if (initializer is null)
        {
            return null;
        }

        foreach (var member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation assignment
                && ((assignment.Target.ReferencedSymbol() is { } target && TokenNames.IsTokenName(target.Name))
                    || ValueEvidence(assignment.Value, symbols, depth + 1, visited) is not null))
            {
                return "initializer";
            }
        }

        return null;
    }

    private static string? InvocationEvidence(IInvocationOperation invocation, BrowserStorageSymbols symbols, int depth, HashSet<ISymbol> visited)
    {
        var method = invocation.TargetMethod;
        if (TokenNames.IsTokenName(method.Name) && !IsCancellationToken(method.ReturnType, symbols) && method.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return "from " + method.Name + "()";
        }

        switch (method.Name)
        {
            // A token turned into text: jwt.ToString(), token.Trim(), JsonSerializer.Serialize(authResult).
            case "ToString" or "Trim" or "TrimEnd" or "TrimStart" or "ToLowerInvariant" or "ToUpperInvariant" or "Substring"
                when invocation.Instance is not null:
                return ValueEvidence(invocation.Instance, symbols, depth + 1, visited);
            case "Serialize" or "SerializeObject" or "Encode" or "Concat" or "Format" or "Join":
                foreach (var argument in invocation.Arguments)
                {
                    if (ValueEvidence(argument.Value, symbols, depth + 1, visited) is { } evidence)
                    {
                        return evidence;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>A local, field or property: its name, then (for locals and same-tree fields) the values assigned to it.</summary>
    private static string? SymbolEvidence(ISymbol symbol, IOperation reference, BrowserStorageSymbols symbols, int depth, HashSet<ISymbol> visited)
    {
        if (TokenNames.IsTokenName(symbol.Name))
        {
            return "'" + symbol.Name + "'";
        }

        if (!visited.Add(symbol))
        {
            return null;
        }

        switch (symbol)
        {
            case ILocalSymbol local:
                foreach (var value in AssignedValues(local, reference.GetRoot()))
                {
                    if (ValueEvidence(value, symbols, depth + 1, visited) is { } evidence)
                    {
                        return evidence;
                    }
                }

                break;

            case IFieldSymbol or IPropertySymbol:
                foreach (var value in MemberAssignedValues(symbol, reference))
                {
                    if (ValueEvidence(value, symbols, depth + 1, visited) is { } evidence)
                    {
                        return evidence;
                    }
                }

                break;
        }

        return TypeEvidence(reference.Type);
    }

    /// <summary>
    /// Values assigned to a field or property of a type declared in the same tree as <paramref name="reference"/>:
    /// its initializer and the assignments inside that type.
    /// </summary>
    private static IEnumerable<IOperation> MemberAssignedValues(ISymbol member, IOperation reference)
    {
        var model = reference.SemanticModel;
        if (model is null)
        {
            yield break;
        }

        foreach (var syntaxReference in member.DeclaringSyntaxReferences)
        {
            if (syntaxReference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var declaration = syntaxReference.GetSyntax();
            var initializer = declaration switch
            {
                VariableDeclaratorSyntax v => v.Initializer?.Value,
                PropertyDeclarationSyntax p => p.Initializer?.Value,
                _ => null,
            };
            if (initializer is not null && model.GetOperation(initializer) is { } initialValue)
            {
                yield return initialValue;
            }

            if (declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
            {
                continue;
            }

            foreach (var assignment in type.DescendantNodes())
            {
                if (assignment is AssignmentExpressionSyntax { Left: var left, Right: var right }
                    && NameOf(left) == member.Name
                    && model.GetOperation(assignment) is IAssignmentOperation operation
                    && SymbolEqualityComparer.Default.Equals(operation.Target.ReferencedSymbol(), member))
                {
                    yield return operation.Value;
                }
            }
        }
    }

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A non-string object whose public string properties include a token (an MSAL AuthenticationResult, a record).</summary>
    private static string? TypeEvidence(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || named.SpecialType != SpecialType.None || named.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return null;
        }

        foreach (var member in named.GetMembers())
        {
            if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false } property
                && property.Type.SpecialType == SpecialType.System_String
                && TokenNames.IsTokenName(property.Name))
            {
                return "a " + named.Name + " (its " + property.Name + ")";
            }
        }

        return null;
    }

    private static bool IsCancellationToken(ITypeSymbol? type, BrowserStorageSymbols symbols) =>
        type is not null && symbols.CancellationToken is not null && SymbolEqualityComparer.Default.Equals(type, symbols.CancellationToken);

    private static string Display(IPropertyReferenceOperation property)
    {
        var instance = property.Instance?.WalkDownConversion();
        var prefix = instance?.ReferencedSymbol()?.Name ?? property.Property.ContainingType.Name;
        return prefix + "." + property.Property.Name;
    }

    /// <summary><c>eyJ…</c> with three dot-separated segments: the shape of a JWS compact serialization.</summary>
    private static bool LooksLikeJwt(string text)
    {
        if (!text.StartsWith("eyJ", StringComparison.Ordinal))
        {
            return false;
        }

        var dots = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!(char.IsLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return dots is 2 or 4;
    }
}
