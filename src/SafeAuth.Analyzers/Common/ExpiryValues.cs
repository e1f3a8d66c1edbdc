using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeAuth.Analyzers.Common;

/// <summary>What an expiry expression adds to "now", when that is a compile-time constant.</summary>
internal readonly struct ExpiryValue
{
    public ExpiryValue(IOperation expression, IOperation? now, double seconds, bool isMaxValue)
    {
        Expression = expression;
        Now = now;
        Seconds = seconds;
        IsMaxValue = isMaxValue;
    }

    /// <summary>The whole <c>now + span</c> (or <c>MaxValue</c>) expression.</summary>
    public IOperation Expression { get; }

    /// <summary>The "now" the span is added to; null for <c>MaxValue</c>.</summary>
    public IOperation? Now { get; }

    /// <summary>The constant span added to now, in seconds (a lower bound for months and years).</summary>
    public double Seconds { get; }

    public bool IsMaxValue { get; }
}

/// <summary>Reads expiries (<c>DateTime.UtcNow.AddDays(30)</c>) and spans (<c>TimeSpan.FromHours(1)</c>) made of constants.</summary>
internal static class ExpiryValues
{
    private const double SecondsPerDay = 86400;

    /// <summary>An expiry computed as now plus a constant span, or <c>DateTime.MaxValue</c>/<c>DateTimeOffset.MaxValue</c>.</summary>
    public static bool TryGetExpiry(IOperation operation, out ExpiryValue expiry)
    {
        expiry = default;
        var value = ValueFlow.Resolve(operation);

        // exp claims: DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds(), or .UtcDateTime of an offset.
        if (value is IInvocationOperation { TargetMethod.Name: "ToUnixTimeSeconds" or "ToUnixTimeMilliseconds", Instance: { } unixInstance })
        {
            value = ValueFlow.Resolve(unixInstance);
        }

        if (value is IPropertyReferenceOperation { Property.Name: "UtcDateTime" or "DateTime", Instance: { } offsetInstance }
            && IsDateType(offsetInstance.Type))
        {
            value = ValueFlow.Resolve(offsetInstance);
        }

        if (value is IFieldReferenceOperation { Field.Name: "MaxValue", Instance: null } max && IsDateType(max.Field.ContainingType))
        {
            expiry = new ExpiryValue(value, null, double.PositiveInfinity, isMaxValue: true);
            return true;
        }

        if (TryGetOffset(value, 0, out var now, out var seconds) && now is not null && seconds > 0)
        {
            expiry = new ExpiryValue(value, now, seconds, isMaxValue: false);
            return true;
        }

        return false;
    }

    private static bool TryGetOffset(IOperation value, int depth, out IOperation? now, out double seconds)
    {
        now = null;
        seconds = 0;
        if (depth > 8)
        {
            return false;
        }

        value = value.WalkDownConversion();
        if (IsNow(value))
        {
            now = value;
            return true;
        }

        if (value is ILocalReferenceOperation && depth > 0)
        {
            var resolved = ValueFlow.Resolve(value);
            if (resolved != value)
            {
                // A local holding "now" is itself the base: the fix keeps the local.
                if (IsNow(resolved))
                {
                    now = value;
                    return true;
                }

                return TryGetOffset(resolved, depth + 1, out now, out seconds);
            }
        }

        return value switch
        {
            IInvocationOperation { Instance: { } instance, Arguments.Length: 1 } add when IsDateType(add.TargetMethod.ContainingType) =>
                TryGetAddOffset(add, instance, depth, out now, out seconds),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => TryGetSumOffset(binary, depth, out now, out seconds),
            _ => false,
        };
    }

    /// <summary><c>now.Add(span)</c> or <c>now.AddDays(n)</c> (and the other <c>Add*</c> units) on a date.</summary>
    private static bool TryGetAddOffset(IInvocationOperation add, IOperation instance, int depth, out IOperation? now, out double seconds)
    {
        seconds = 0;
        if (!TryGetOffset(instance, depth + 1, out now, out var before))
        {
            return false;
        }

        var argument = add.Arguments[0].Value;
        if (add.TargetMethod.Name == "Add")
        {
            if (!TryGetSpan(argument, out var span))
            {
                return false;
            }

            seconds = before + span;
            return true;
        }

        if (!ValueFlow.TryGetNumber(argument, out var amount))
        {
            return false;
        }

        var unit = add.TargetMethod.Name switch
        {
            "AddYears" => 365 * SecondsPerDay,
            "AddMonths" => 28 * SecondsPerDay,
            "AddDays" => SecondsPerDay,
            "AddHours" => 3600,
            "AddMinutes" => 60,
            "AddSeconds" => 1,
            "AddMilliseconds" => 0.001,
            "AddTicks" => 1e-7,
            _ => double.NaN,
        };
        if (double.IsNaN(unit))
        {
            return false;
        }

        seconds = before + amount * unit;
        return true;
    }

    /// <summary><c>now + span</c> or <c>span + now</c>.</summary>
    private static bool TryGetSumOffset(IBinaryOperation binary, int depth, out IOperation? now, out double seconds)
    {
        if (TryGetOffset(binary.LeftOperand, depth + 1, out now, out var left) && TryGetSpan(binary.RightOperand, out var right))
        {
            seconds = left + right;
            return true;
        }

        if (TryGetOffset(binary.RightOperand, depth + 1, out now, out var right2) && TryGetSpan(binary.LeftOperand, out var left2))
        {
            seconds = right2 + left2;
            return true;
        }

        seconds = 0;
        return false;
    }

    /// <summary><c>DateTime.UtcNow</c>, <c>DateTime.Now</c>, <c>DateTimeOffset.UtcNow</c>/<c>Now</c>, <c>DateTime.Today</c>, <c>TimeProvider.GetUtcNow()</c>.</summary>
    public static bool IsNow(IOperation value)
    {
        value = value.WalkDownConversion();
        return value switch
        {
            IPropertyReferenceOperation { Instance: null, Property.Name: "UtcNow" or "Now" or "Today" } property => IsDateType(property.Property.ContainingType),
            IPropertyReferenceOperation { Property.Name: "UtcDateTime" or "DateTime", Instance: { } instance } => IsNow(instance),
            IInvocationOperation { TargetMethod.Name: "GetUtcNow" or "GetLocalNow" } => true,
            _ => false,
        };
    }

    /// <summary>A constant <c>TimeSpan</c>: <c>TimeSpan.FromX(n)</c>, <c>new TimeSpan(…)</c>, <c>TimeSpan.MaxValue</c>, in seconds.</summary>
    public static bool TryGetSpan(IOperation operation, out double seconds)
    {
        seconds = 0;
        var value = ValueFlow.Resolve(operation);
        if (value.Type is not { Name: "TimeSpan", ContainingNamespace.Name: "System" })
        {
            return false;
        }

        switch (value)
        {
            case IFieldReferenceOperation { Field.Name: "MaxValue", Instance: null }:
                seconds = double.PositiveInfinity;
                return true;
            case IFieldReferenceOperation { Field.Name: "Zero", Instance: null }:
                seconds = 0;
                return true;
            case IInvocationOperation { Instance: null } from when from.Arguments.Length >= 1:
                return TryGetFactorySpan(from, out seconds);
            case IObjectCreationOperation creation:
                return TryGetConstructedSpan(creation, out seconds);
            default:
                return false;
        }
    }

    /// <summary><c>TimeSpan.FromDays(n)</c> and the other <c>From*</c> units, with .NET 9's multi-part overloads.</summary>
    private static bool TryGetFactorySpan(IInvocationOperation from, out double seconds)
    {
        seconds = 0;
        var unit = from.TargetMethod.Name switch
        {
            "FromDays" => SecondsPerDay,
            "FromHours" => 3600,
            "FromMinutes" => 60,
            "FromSeconds" => 1,
            "FromMilliseconds" => 0.001,
            "FromTicks" => 1e-7,
            _ => double.NaN,
        };
        if (double.IsNaN(unit))
        {
            return false;
        }

        // .NET 9 adds FromDays(days, hours, minutes…) overloads: sum the parts with falling units.
        var units = new[] { SecondsPerDay, 3600, 60, 1, 0.001, 1e-6 };
        var start = Array.IndexOf(units, unit);
        for (var i = 0; i < from.Arguments.Length; i++)
        {
            if (from.Arguments[i].ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (!ValueFlow.TryGetNumber(from.Arguments[i].Value, out var part))
            {
                return false;
            }

            var partUnit = start >= 0 && start + i < units.Length ? units[start + i] : (i == 0 ? unit : double.NaN);
            if (double.IsNaN(partUnit))
            {
                return false;
            }

            seconds += part * partUnit;
        }

        return true;
    }

    /// <summary><c>new TimeSpan(ticks)</c>, <c>(h, m, s)</c>, <c>(d, h, m, s)</c> or <c>(d, h, m, s, ms)</c>.</summary>
    private static bool TryGetConstructedSpan(IObjectCreationOperation creation, out double seconds)
    {
        seconds = 0;
        var parts = new double[creation.Arguments.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!ValueFlow.TryGetNumber(creation.Arguments[i].Value, out parts[i]))
            {
                return false;
            }
        }

        switch (parts.Length)
        {
            case 1:
                seconds = parts[0] * 1e-7;
                return true;
            case 3:
                seconds = parts[0] * 3600 + parts[1] * 60 + parts[2];
                return true;
            case 4:
            case 5:
                seconds = parts[0] * SecondsPerDay + parts[1] * 3600 + parts[2] * 60 + parts[3] + (parts.Length == 5 ? parts[4] / 1000 : 0);
                return true;
            default:
                return false;
        }
    }

    public static bool IsDateType(ITypeSymbol? type) =>
        type is { Name: "DateTime" or "DateTimeOffset", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>Seconds as a short human text: <c>365 days</c>, <c>1 hour</c>.</summary>
    public static string Describe(double seconds)
    {
        if (double.IsInfinity(seconds) || seconds >= TimeSpan.MaxValue.TotalSeconds)
        {
            return "forever";
        }

        return Options.DurationParser.Describe(TimeSpan.FromSeconds(Math.Round(seconds)));
    }
}
