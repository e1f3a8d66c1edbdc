using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;
using SourceKind = SafeAuth.Analyzers.Rules.Tokens.JwtReadWithoutValidationAnalyzer.SourceKind;

namespace SafeAuth.Analyzers.Rules.Tokens;

/// <summary>
/// Whether unverified token data is trusted: its claims build a principal, or decide something while a request is
/// handled. Silent where the same member validates the same token text, behind <c>[Authorize]</c>, for a token from a
/// trusted source (<see cref="TokenProvenance"/>), and for header, time and log-only reads. Used by AUTH101, and by AUTH102 so a misuse both rules see is reported once.
/// </summary>
internal sealed class ClaimTrust
{
    private readonly AspNetSymbols _aspNet;

    private readonly TokenProvenance _provenance;

    public ClaimTrust(AspNetSymbols aspNet, TokenProvenance provenance)
    {
        _aspNet = aspNet;
        _provenance = provenance;
    }

    private static readonly ImmutableHashSet<string> NonClaimMembers = ImmutableHashSet.Create(
        System.StringComparer.Ordinal,
        // header: reading it (kid, alg) to choose a key is part of validating
        "Header", "Kid", "Alg", "Typ", "Cty", "X5t", "Zip", "SignatureAlgorithm", "EncodedHeader", "RawHeader",
        "GetHeaderValue", "TryGetHeaderValue", "Enc", "RawEncryptedKey",
        // times: a client or a cache checking expiry decides nothing about identity
        "ValidTo", "ValidFrom", "IssuedAt", "ValidToDate", "ValidFromDate",
        // the raw text, to hand to a validator
        "RawData", "EncodedToken", "UnsafeToString", "ToString", "GetType", "GetHashCode");

    /// <summary>Whether reading <paramref name="memberName"/> of a token decides nothing about identity (header, times, raw text).</summary>
    internal static bool IsNonClaimMember(string memberName) => NonClaimMembers.Contains(memberName);

    public string? GetTrustReason(IOperation source, SourceKind kind, ISymbol containingSymbol)
    {
        var root = source.GetRoot();
        if (ContainsValidation(root, source) || _aspNet.IsBehindAuthorize(containingSymbol))
        {
            return null;
        }

        // Where the token came from is asked only of reads whose claims are trusted: most reads are not.
        var reason = new TrustFinder(this, containingSymbol, root, returnIsUse: false).Find(source, kind);
        return reason is not null && _provenance.IsTrusted(TokenArgument(source), root) ? null : reason;
    }

    /// <summary>
    /// Whether what <paramref name="source"/> read leaves its method as the return value: itself, or claims made of it
    /// (<c>new Claim(k, v)</c> added to a list that is returned, a LINQ projection of the payload). A project helper
    /// that does so is a source of unverified claims at its calls (<see cref="HelperTokenSources"/>).
    /// </summary>
    public bool ReachesReturn(IOperation source, SourceKind kind, ISymbol containingSymbol) =>
        new TrustFinder(this, containingSymbol, source.GetRoot(), returnIsUse: true).Find(source, kind) == TrustFinder.Returned;

    /// <summary>
    /// Whether the same member body also validates the same token text (reading <c>kid</c> or <c>iss</c> first to
    /// pick the key is part of validating): a call named like validation or verification that is handed the
    /// token the source read.
    /// </summary>
    internal static bool ContainsValidation(IOperation root, IOperation source)
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

    /// <summary>Follows the unverified value through locals, fields and casts (where it goes: <see cref="SymbolReferences"/>) to the place it is trusted.</summary>
    private sealed class TrustFinder
    {
        /// <summary>The reason <see cref="ReachesReturn"/> looks for: the claim data is what the method returns.</summary>
        internal const string Returned = "returned";

        private const int MaxDepth = 4;
        private readonly ClaimTrust _owner;
        private readonly ISymbol _containingSymbol;
        private readonly IOperation _root;
        private readonly bool _returnIsUse;
        private readonly HashSet<ISymbol> _visited = new(SymbolEqualityComparer.Default);

        public TrustFinder(ClaimTrust owner, ISymbol containingSymbol, IOperation root, bool returnIsUse)
        {
            _owner = owner;
            _containingSymbol = containingSymbol;
            _root = root;
            _returnIsUse = returnIsUse;
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

            foreach (var operation in SymbolReferences.In(symbol, _root))
            {
                if (!SymbolReferences.IsAssignmentTarget(operation))
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

        /// <summary><paramref name="claim"/> is claim data; decide whether it is trusted.</summary>
        private string? ClaimUse(IOperation claim, int depth)
        {
            // Into a principal: trusted anywhere on a server.
            var previous = claim;
            for (var current = claim.Parent; current is not null; previous = current, current = current.Parent)
            {
                if (Carried(current, previous, depth) is { } carried)
                {
                    return carried.Length == 0 ? null : carried;
                }

                if (PrincipalReason(current) is { } principal)
                {
                    return principal;
                }

                if (_returnIsUse && current is IReturnOperation && !InNestedFunction(current))
                {
                    return Returned;
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

        /// <summary>A principal, identity or ticket that <paramref name="current"/> builds or adds claims to.</summary>
        private string? PrincipalReason(IOperation current)
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

            return null;
        }

        /// <summary>
        /// Claim data carried on by <paramref name="current"/>: a <c>new Claim(type, value)</c> made of it, a LINQ
        /// projection of it, a collection it is added to (a local or field, followed). The reason found that way
        /// (empty when there is none), or null when <paramref name="current"/> carries nothing.
        /// </summary>
        private string? Carried(IOperation current, IOperation previous, int depth)
        {
            if (current is IObjectCreationOperation creation && previous is IArgumentOperation
                && _owner._aspNet.Claim is { } claimType && creation.Type.InheritsFromOrEquals(claimType))
            {
                return FindFromValue(creation, SourceKind.Payload, depth + 1) ?? string.Empty;
            }

            if (current is not IInvocationOperation invocation || previous is not IArgumentOperation)
            {
                return null;
            }

            var method = invocation.TargetMethod;
            if (method.ContainingType?.ToDisplayString() == "System.Linq.Enumerable" && !method.ReturnType.IsValueType)
            {
                return FindFromValue(invocation, SourceKind.Payload, depth + 1) ?? string.Empty;
            }

            if (method.Name is "Add" or "AddRange" or "Insert" or "Push" or "Enqueue"
                && invocation.Instance?.WalkDownConversion().ReferencedSymbol() is ILocalSymbol or IFieldSymbol
                && !invocation.Instance.Type.InheritsFromOrEquals(_owner._aspNet.ClaimsIdentity))
            {
                return FindFromSymbol(invocation.Instance.WalkDownConversion().ReferencedSymbol()!, SourceKind.Payload, depth + 1) ?? string.Empty;
            }

            return null;
        }

        private bool InNestedFunction(IOperation operation)
        {
            for (var current = operation.Parent; current is not null && current != _root; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
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
