using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeAuth.CodeFixes.Common;

/// <summary>Builds expiry and span expressions in the largest whole unit: <c>AddMinutes(15)</c>, <c>TimeSpan.FromDays(1)</c>.</summary>
internal static class ExpirySyntax
{
    public static (string Unit, long Amount) Unit(TimeSpan span)
    {
        var seconds = (long)Math.Round(span.TotalSeconds);
        if (seconds != 0 && seconds % 86400 == 0)
        {
            return ("Days", seconds / 86400);
        }

        if (seconds != 0 && seconds % 3600 == 0)
        {
            return ("Hours", seconds / 3600);
        }

        if (seconds != 0 && seconds % 60 == 0)
        {
            return ("Minutes", seconds / 60);
        }

        return ("Seconds", seconds);
    }

    /// <summary><c>now.AddMinutes(15)</c>.</summary>
    public static ExpressionSyntax AddSpan(ExpressionSyntax now, TimeSpan span)
    {
        var (unit, amount) = Unit(span);
        return InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, now, IdentifierName("Add" + unit)),
            ArgumentList(SingletonSeparatedList(Argument(Number(amount)))));
    }

    /// <summary><c>TimeSpan.FromMinutes(5)</c>.</summary>
    public static ExpressionSyntax FromSpan(SyntaxGenerator generator, Compilation compilation, TimeSpan span)
    {
        var (unit, amount) = Unit(span);
        return InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName(generator, compilation, "System.TimeSpan"), IdentifierName("From" + unit)),
            ArgumentList(SingletonSeparatedList(Argument(Number(amount)))));
    }

    /// <summary><c>DateTime.UtcNow</c> or <c>DateTimeOffset.UtcNow</c>.</summary>
    public static ExpressionSyntax UtcNow(SyntaxGenerator generator, Compilation compilation, string typeMetadataName) =>
        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName(generator, compilation, typeMetadataName), IdentifierName("UtcNow"));

    /// <summary><c>DateTime.UtcNow.AddMinutes(15)</c>.</summary>
    public static ExpressionSyntax UtcNowPlus(SyntaxGenerator generator, Compilation compilation, TimeSpan span, string typeMetadataName = "System.DateTime") =>
        AddSpan(UtcNow(generator, compilation, typeMetadataName), span);

    /// <summary><c>DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds()</c>: the NumericDate of an <c>exp</c> claim.</summary>
    public static ExpressionSyntax UnixSecondsFromNow(SyntaxGenerator generator, Compilation compilation, TimeSpan span) =>
        InvocationExpression(MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            UtcNowPlus(generator, compilation, span, "System.DateTimeOffset"),
            IdentifierName("ToUnixTimeSeconds")));

    /// <summary><c>DateTimeOffset.UtcNow.ToUnixTimeSeconds()</c>: the NumericDate of an <c>iat</c> or <c>nbf</c> claim.</summary>
    public static ExpressionSyntax UnixSecondsNow(SyntaxGenerator generator, Compilation compilation) =>
        InvocationExpression(MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            UtcNow(generator, compilation, "System.DateTimeOffset"),
            IdentifierName("ToUnixTimeSeconds")));

    public static ExpressionSyntax TypeName(SyntaxGenerator generator, Compilation compilation, string metadataName)
    {
        var type = SafeAuth.Analyzers.KnownTypes.WellKnownTypes.GetOrCreate(compilation).Get(metadataName);
        if (type is null)
        {
            return ParseExpression("global::" + metadataName).WithAdditionalAnnotations(Simplifier.Annotation);
        }

        return (ExpressionSyntax)generator.TypeExpression(type).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);
    }

    private static LiteralExpressionSyntax Number(long amount) =>
        LiteralExpression(SyntaxKind.NumericLiteralExpression, amount is >= int.MinValue and <= int.MaxValue ? Literal((int)amount) : Literal(amount));

    public static TimeSpan SecondsProperty(Diagnostic diagnostic, string name, TimeSpan fallback) =>
        SafeAuth.Analyzers.Common.FixProperties.Number(diagnostic, name) is { } seconds ? TimeSpan.FromSeconds(seconds) : fallback;
}
