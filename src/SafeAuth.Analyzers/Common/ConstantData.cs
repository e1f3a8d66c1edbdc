using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Common;

/// <summary>Where a hard-coded value comes from, for the message: "a string literal", "the constant 'Keys.Jwt'".</summary>
internal sealed class ConstantOrigin
{
    public ConstantOrigin(string description, bool isNamed, bool isElement = false, bool isOptionsDefault = false)
    {
        Description = description;
        IsNamed = isNamed;
        IsElement = isElement;
        IsOptionsDefault = isOptionsDefault;
    }

    public string Description { get; }

    /// <summary>Whether the origin names a member (a constant, field or property) rather than a literal.</summary>
    public bool IsNamed { get; }

    /// <summary>Whether the value is one element of a collection of hard-coded values (a loop or <c>Select</c> over it).</summary>
    public bool IsElement { get; }

    /// <summary>Whether the value is the initializer of a settable property of an options class bound from configuration.</summary>
    public bool IsOptionsDefault { get; }
}

/// <summary>
/// Decides whether a value is constant data written in the source: string and UTF-8 literals, <c>const</c>s,
/// fields and get-only properties initialized from constants (in any file of the compilation), interpolations and
/// concatenations of constants, the fallback of <c>??</c> and of <c>GetValue(key, defaultValue)</c>, <c>Encoding.*.GetBytes</c>/<c>Convert.FromBase64String</c>/<c>FromHexString</c> of
/// those, and byte-array literals; followed through locals. Empty strings and obvious placeholders are not data.
/// One instance per compilation: member answers are cached.
/// </summary>
internal sealed partial class ConstantDataTracker
{
    private const int MaxDepth = 8;

    private static readonly ConstantOrigin StringLiteral = new("a string literal", isNamed: false);
    private static readonly ConstantOrigin Utf8Literal = new("a UTF-8 string literal", isNamed: false);
    private static readonly ConstantOrigin ByteArrayLiteral = new("a byte array literal", isNamed: false);

    private readonly Compilation _compilation;
    private readonly SecretSymbols _symbols;
    private readonly ConcurrentDictionary<ISymbol, Box> _members = new(SymbolEqualityComparer.Default);

    public ConstantDataTracker(Compilation compilation, SecretSymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
    }

    /// <summary>The origin of <paramref name="value"/> when it is hard-coded data, otherwise null.</summary>
    public ConstantOrigin? Find(IOperation? value) => value is null ? null : Find(value, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default));

    private ConstantOrigin? Find(IOperation value, int depth, HashSet<ISymbol> visited)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        value = value.WalkDownConversion();
        if (value is IFieldReferenceOperation or IPropertyReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation)
        {
            return FromReference(value, depth, visited);
        }

        if (value.ConstantValue.HasValue)
        {
            return IsData(value.ConstantValue) && value.Type?.SpecialType == SpecialType.System_String ? StringLiteral : null;
        }

        switch (value)
        {
            case IUtf8StringOperation utf8:
                return SecretText.IsPlaceholder(utf8.Value) ? null : Utf8Literal;

            case IInterpolatedStringOperation interpolated:
                return FromInterpolation(interpolated, depth, visited);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                var left = Find(concatenation.LeftOperand, depth + 1, visited);
                var right = left is null ? null : Find(concatenation.RightOperand, depth + 1, visited);
                return right is null ? null : (left!.IsNamed ? left : right);

            case ICoalesceOperation coalesce:
                // configuration["Jwt:Key"] ?? "fallback": the fallback is a hard-coded key used whenever the setting is missing.
                return Find(coalesce.WhenNull, depth + 1, visited);

            case IConditionalOperation { WhenFalse: not null } conditional:
                var whenTrue = Find(conditional.WhenTrue, depth + 1, visited);
                return whenTrue is null ? null : Find(conditional.WhenFalse, depth + 1, visited) is { } whenFalse ? (whenTrue.IsNamed ? whenTrue : whenFalse) : null;

            case IArrayCreationOperation array:
                return FromArray(array);

            case IInvocationOperation invocation:
                return FromInvocation(invocation, depth, visited);
        }

        return null;
    }

    /// <summary>A field, property, local or parameter: followed to what it holds.</summary>
    private ConstantOrigin? FromReference(IOperation value, int depth, HashSet<ISymbol> visited)
    {
        switch (value)
        {
            case IFieldReferenceOperation fieldReference:
                return FromMember(fieldReference.Field, depth, visited);

            case IPropertyReferenceOperation { Arguments.Length: 0 } propertyReference:
                return FromMember(propertyReference.Property, depth, visited);

            case ILocalReferenceOperation localReference:
                if (localReference.Local.IsConst)
                {
                    return IsData(localReference.ConstantValue) ? new ConstantOrigin($"the constant '{localReference.Local.Name}'", isNamed: true) : null;
                }

                return FromLocal(localReference, depth, visited);

            case IParameterReferenceOperation parameterReference:
                return FromLambdaParameter(parameterReference, depth, visited);
        }

        return null;
    }

    private static bool IsData(Optional<object?> constant) =>
        constant.HasValue && constant.Value is string text && !SecretText.IsPlaceholder(text);

    private ConstantOrigin? FromInterpolation(IInterpolatedStringOperation interpolated, int depth, HashSet<ISymbol> visited)
    {
        ConstantOrigin? named = null;
        var hasData = false;
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text:
                    hasData |= text.Text.ConstantValue is { HasValue: true, Value: string s } && s.Trim().Length > 0;
                    break;
                case IInterpolationOperation interpolation:
                    var origin = Find(interpolation.Expression, depth + 1, visited);
                    if (origin is null)
                    {
                        return null;
                    }

                    hasData = true;
                    named ??= origin.IsNamed ? origin : null;
                    break;
                default:
                    return null;
            }
        }

        return hasData ? named ?? StringLiteral : null;
    }

    private static ConstantOrigin? FromArray(IArrayCreationOperation array)
    {
        if (array.Initializer is not { ElementValues.Length: > 0 } initializer
            || array.Type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte or SpecialType.System_SByte })
        {
            return null;
        }

        foreach (var element in initializer.ElementValues)
        {
            if (!element.ConstantValue.HasValue)
            {
                return null;
            }
        }

        return ByteArrayLiteral;
    }

    private ConstantOrigin? FromInvocation(IInvocationOperation invocation, int depth, HashSet<ISymbol> visited)
    {
        if (IsEncoding(invocation))
        {
            return Find(invocation.Arguments[0].Value, depth + 1, visited);
        }

        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        switch (method.Name)
        {

            case "ToArray" when invocation.Arguments.Length == 0 && invocation.Instance?.WalkDownConversion() is IUtf8StringOperation utf8:
                return Find(utf8, depth + 1, visited);

            // configuration.GetValue("Jwt:Key", "fallback"): like `?? "fallback"`, used whenever the setting is missing.
            case "GetValue" when SymbolEqualityComparer.Default.Equals(type, _symbols.ConfigurationBinder)
                                 && invocation.GetArgument("defaultValue") is { } fallback:
                return Find(fallback, depth + 1, visited);
        }

        return null;
    }

    private ConstantOrigin? FromLocal(ILocalReferenceOperation reference, int depth, HashSet<ISymbol> visited)
    {
        var writes = LocalWrites.Of(reference.Local, reference);
        if (!visited.Add(reference.Local) || writes.HasOtherWrites)
        {
            return null;
        }

        if (writes.Values.Count == 0)
        {
            return FromLoopVariable(reference, depth, visited);
        }

        ConstantOrigin? origin = null;
        foreach (var written in writes.Values)
        {
            if (Find(written, depth + 1, visited) is not { } found)
            {
                return null;
            }

            origin ??= found;
        }

        return origin;
    }

    private ConstantOrigin? FromMember(ISymbol member, int depth, HashSet<ISymbol> visited)
    {
        if (member is IFieldSymbol { IsConst: true } constant)
        {
            return constant.HasConstantValue && constant.ConstantValue is string text && !SecretText.IsPlaceholder(text)
                ? new ConstantOrigin($"the constant '{Name(member)}'", isNamed: true)
                : null;
        }

        if (_members.TryGetValue(member, out var cached))
        {
            return cached.Origin;
        }

        if (!visited.Add(member))
        {
            return null;
        }

        var origin = ComputeMember(member, depth, visited);
        _members.TryAdd(member, new Box(origin));
        return origin;
    }

    private ConstantOrigin? ComputeMember(ISymbol member, int depth, HashSet<ISymbol> visited)
    {
        if (member is IPropertySymbol property && (property.SetMethod is not null && property.SetMethod.DeclaredAccessibility != Accessibility.Private && !property.SetMethod.IsInitOnly))
        {
            // A settable property is set from anywhere (DI, the caller): do not guess. Bound from configuration, its
            // initializer is the key whenever the setting is missing, like GetValue's default.
            return BoundDefault(property, depth, visited);
        }

        if (member is not (IFieldSymbol or IPropertySymbol) || member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var operation = InitializerOperation(member);
        if (operation is null)
        {
            return null;
        }

        var inner = Find(operation, depth + 1, visited);
        if (inner is null)
        {
            return null;
        }

        if (inner.IsNamed)
        {
            return inner;
        }

        var kind = member is IFieldSymbol ? "field" : "property";
        return new ConstantOrigin($"the {kind} '{Name(member)}'", isNamed: true);
    }

    /// <summary>The initializer (or expression body) of a field or property with one declaration, unless its type assigns it elsewhere.</summary>
    private IOperation? InitializerOperation(ISymbol member)
    {
        if (member is not (IFieldSymbol or IPropertySymbol) || member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declaration = member.DeclaringSyntaxReferences[0].GetSyntax();
        ExpressionSyntax? initializer = declaration switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
            PropertyDeclarationSyntax propertyDeclaration => propertyDeclaration.Initializer?.Value ?? propertyDeclaration.ExpressionBody?.Expression,
            _ => null,
        };

        return initializer is null || IsAssignedInType(member, declaration) ? null : SemanticModelFor(initializer.SyntaxTree)?.GetOperation(initializer);
    }

    /// <summary>
    /// Member initializers live in any file of the compilation. Each member is resolved once per compilation
    /// (cached above), binding only its initializer expression, which keeps the cross-file lookup cheap.
    /// </summary>
    private SemanticModel? SemanticModelFor(SyntaxTree tree)
    {
        if (!_compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

#pragma warning disable RS1030 // one initializer per member, cached per compilation; the operation context offers no model for other files
        return _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }

    /// <summary>Whether the member is assigned anywhere in its type besides its initializer (constructors, methods).</summary>
    private static bool IsAssignedInType(ISymbol member, SyntaxNode declaration)
    {
        var type = declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is null)
        {
            return false;
        }

        foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax assignment && NamesMember(assignment.Left, member.Name))
                {
                    return true;
                }

                if (node is ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument && NamesMember(argument.Expression, member.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool NamesMember(ExpressionSyntax expression, string name) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == name,
        _ => false,
    };

    private static string Name(ISymbol member) => member.ContainingType is { } type ? type.Name + "." + member.Name : member.Name;

    private sealed class Box
    {
        public Box(ConstantOrigin? origin) => Origin = origin;

        public ConstantOrigin? Origin { get; }
    }
}
