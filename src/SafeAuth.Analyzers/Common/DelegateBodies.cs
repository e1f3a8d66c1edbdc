using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeAuth.Analyzers.Common;

/// <summary>Looks inside a delegate value: a lambda, an anonymous method or a method group declared in the same file.</summary>
internal static class DelegateBodies
{
    public sealed class Body
    {
        public Body(IMethodSymbol method, IOperation operation, IReadOnlyList<IOperation> returnedValues)
        {
            Method = method;
            Operation = operation;
            ReturnedValues = returnedValues;
        }

        public IMethodSymbol Method { get; }

        /// <summary>The body, to search for calls and throws.</summary>
        public IOperation Operation { get; }

        /// <summary>Every value the body returns (nested lambdas excluded), conversions removed.</summary>
        public IReadOnlyList<IOperation> ReturnedValues { get; }

        public bool Throws => Descendants().Any(o => o is IThrowOperation);

        /// <summary>The body's operations, without those of nested lambdas and local functions.</summary>
        public IEnumerable<IOperation> Descendants() => OwnOperations(Operation);
    }

    /// <summary><paramref name="body"/> and its operations, without those of nested lambdas and local functions.</summary>
    public static IEnumerable<IOperation> OwnOperations(IOperation body)
    {
        var stack = new Stack<IOperation>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    stack.Push(child);
                }
            }
        }
    }

    public static Body? Get(IOperation delegateValue)
    {
        var value = delegateValue.WalkDownConversion();
        if (value is IDelegateCreationOperation creation)
        {
            value = creation.Target;
        }

        switch (value)
        {
            case IAnonymousFunctionOperation lambda:
                return Create(lambda.Symbol, lambda.Body);

            case IMethodReferenceOperation reference when delegateValue.SemanticModel is { } model:
                foreach (var syntaxReference in reference.Method.DeclaringSyntaxReferences)
                {
                    if (syntaxReference.SyntaxTree != model.SyntaxTree)
                    {
                        continue;
                    }

                    var body = model.GetOperation(syntaxReference.GetSyntax());
                    if (body is IMethodBodyOperation methodBody && (methodBody.BlockBody ?? methodBody.ExpressionBody) is { } block)
                    {
                        return Create(reference.Method, block);
                    }

                    if (body is ILocalFunctionOperation localFunction && localFunction.Body is { } localBody)
                    {
                        return Create(reference.Method, localBody);
                    }
                }

                return null;

            default:
                return null;
        }
    }

    private static Body Create(IMethodSymbol method, IOperation body)
    {
        var returns = new List<IOperation>();
        var result = new Body(method, body, returns);
        foreach (var operation in result.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned })
            {
                returns.Add(returned.WalkDownConversion());
            }
        }

        return result;
    }
}
