using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;

namespace SafeAuth.Analyzers.Rules.Tokens;

// AUTH201 for Jwt.Net's JwtBuilder: the fluent chain (or the local holding the builder) up to Encode() never adds exp.
public sealed partial class TokenWithoutExpiryAnalyzer
{
    private sealed partial class Analysis
    {
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

                        if (claimName.Type?.SpecialType == SpecialType.System_String && !ValueFlow.TryGetString(claimName, out _))
                        {
                            return; // a claim name computed at run time could be "exp"
                        }

                        if (ExcessiveTokenLifetimeAnalyzer.IsExpClaimName(claimName, _symbols))
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
    }
}
